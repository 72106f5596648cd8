package storage

import (
	"context"

	"github.com/corkboard/corkboard"
)

// FanOut adds a pin to its owner's feed and, unless secret, to the feeds of
// everyone following the owner or the board: one INSERT ... SELECT, however
// many followers there are.
func (db *DB) FanOut(ctx context.Context, p *corkboard.Pin) error {
	g := db.gorm.WithContext(ctx)
	err := g.Exec(`INSERT INTO feed_entries (account_id, pin_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, p.AccountID, p.ID).Error
	if err != nil || p.Secret {
		return translate("fan out", "feed entry", err)
	}
	err = g.Exec(`INSERT INTO feed_entries (account_id, pin_id)
		SELECT DISTINCT f.follower_id, CAST(? AS BIGINT) FROM follows f
		JOIN accounts a ON a.id = f.follower_id AND a.domain = ''
		WHERE f.pending = ? AND (f.target_account_id = ? OR f.target_board_id = ?)
		ON CONFLICT DO NOTHING`, p.ID, false, p.AccountID, p.BoardID).Error
	return translate("fan out", "feed entries", err)
}

// (SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT, to tell
// the upsert from a join constraint; PostgreSQL needs parameters in a
// SELECT list cast to a type.)

// Backfill brings a followed person's or board's recent public pins into
// the follower's feed.
func (db *DB) Backfill(ctx context.Context, followerID, accountID, boardID int64, limit int) error {
	col, target := "account_id", accountID
	if boardID != 0 {
		col, target = "board_id", boardID
	}
	err := db.gorm.WithContext(ctx).Exec(`INSERT INTO feed_entries (account_id, pin_id)
		SELECT CAST(? AS BIGINT), id FROM (SELECT id FROM pins WHERE `+col+` = ? AND secret = ? ORDER BY id DESC LIMIT ?) recent
		WHERE true ON CONFLICT DO NOTHING`, followerID, target, false, limit).Error
	return translate("backfill feed", "feed entries", err)
}

// Unmerge removes an unfollowed person's or board's pins from a feed, but
// keeps the follower's own pins and those another follow still brings.
func (db *DB) Unmerge(ctx context.Context, followerID, accountID, boardID int64) error {
	col, target := "account_id", accountID
	if boardID != 0 {
		col, target = "board_id", boardID
	}
	err := db.gorm.WithContext(ctx).Exec(`DELETE FROM feed_entries WHERE account_id = ? AND pin_id IN (
		SELECT p.id FROM pins p WHERE p.`+col+` = ? AND p.account_id <> ?
		AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ? AND f.pending = ?
			AND (f.target_account_id = p.account_id OR f.target_board_id = p.board_id)))`,
		followerID, target, followerID, followerID, false).Error
	return translate("unmerge feed", "feed entries", err)
}

// RemoveFromOtherFeeds removes a pin from every feed but its owner's.
func (db *DB) RemoveFromOtherFeeds(ctx context.Context, pinID, ownerID int64) error {
	err := db.gorm.WithContext(ctx).Exec(`DELETE FROM feed_entries WHERE pin_id = ? AND account_id <> ?`, pinID, ownerID).Error
	return translate("remove from feeds", "feed entries", err)
}

// HomeFeed walks the (account_id, pin_id) primary key backwards: one index
// range scan joined to pins, whatever the size of the tables.
func (db *DB) HomeFeed(ctx context.Context, accountID, before int64, limit int) ([]*corkboard.Pin, int64, error) {
	q := db.gorm.WithContext(ctx).Table("feed_entries fe").Select(pinColumns).
		Joins("JOIN pins ON pins.id = fe.pin_id").Where("fe.account_id = ?", accountID).
		Where("(pins.secret = ? OR pins.account_id = ?)", false, accountID)
	if before > 0 {
		q = q.Where("fe.pin_id < ?", before)
	}
	var rows []pinRow
	if err := q.Order("fe.pin_id DESC").Limit(limit + 1).Find(&rows).Error; err != nil {
		return nil, 0, translate("home feed", "feed", err)
	}
	var next int64
	if len(rows) > limit {
		rows = rows[:limit]
		next = rows[limit-1].ID
	}
	return pinsFromRows(rows), next, nil
}

func pinsFromRows(rows []pinRow) []*corkboard.Pin {
	out := make([]*corkboard.Pin, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out
}
