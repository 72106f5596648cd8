package storage

import (
	"context"
	"slices"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

// Queries behind the federation surface: the collections an actor
// publishes and the counts NodeInfo reports. Every list walks an id index
// with a keyset cursor, in either direction.

// keyset applies a cursor: BeforeID walks back from it (newest first),
// AfterID walks forward (oldest first; callers reverse the result).
func keyset(q *gorm.DB, column string, beforeID, afterID int64, limit int) *gorm.DB {
	switch {
	case afterID > 0:
		return q.Where(column+" > ?", afterID).Order(column + " ASC").Limit(limit)
	case beforeID > 0:
		q = q.Where(column+" < ?", beforeID)
	}
	return q.Order(column + " DESC").Limit(limit)
}

// ListFollows lists accepted follows newest first.
func (db *DB) ListFollows(ctx context.Context, q corkboard.FollowQuery) ([]*corkboard.Follow, error) {
	g := db.gorm.WithContext(ctx).Where("pending = ?", false)
	if q.FollowerID != 0 {
		g = g.Where("follower_id = ?", q.FollowerID)
	} else {
		g = followTarget(g, q.TargetAccountID, q.TargetBoardID)
	}
	var rows []followRow
	if err := keyset(g, "id", q.BeforeID, q.AfterID, q.Limit).Find(&rows).Error; err != nil {
		return nil, translate("list follows", "follows", err)
	}
	if q.AfterID > 0 {
		slices.Reverse(rows)
	}
	out := make([]*corkboard.Follow, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// localPublicPins constrains a pins query to local pins anyone may see.
func localPublicPins(g *gorm.DB) *gorm.DB {
	return g.Table("pins").Where("secret = ? AND iri IS NULL", false)
}

// PublicPinIDs lists the ids of a person's or a board's local public pins,
// newest first.
func (db *DB) PublicPinIDs(ctx context.Context, q corkboard.PinIDQuery) ([]int64, error) {
	g := localPublicPins(db.gorm.WithContext(ctx))
	if q.BoardID != 0 {
		g = g.Where("board_id = ?", q.BoardID)
	} else {
		g = g.Where("account_id = ?", q.AccountID)
	}
	var ids []int64
	if err := keyset(g, "id", q.BeforeID, q.AfterID, q.Limit).Pluck("id", &ids).Error; err != nil {
		return nil, translate("public pin ids", "pins", err)
	}
	if q.AfterID > 0 {
		slices.Reverse(ids)
	}
	return ids, nil
}

// CountPublicPins counts local public pins of a person, a board, or all.
func (db *DB) CountPublicPins(ctx context.Context, accountID, boardID int64) (int64, error) {
	g := localPublicPins(db.gorm.WithContext(ctx))
	switch {
	case boardID != 0:
		g = g.Where("board_id = ?", boardID)
	case accountID != 0:
		g = g.Where("account_id = ?", accountID)
	}
	var n int64
	return n, translate("count public pins", "pins", g.Count(&n).Error)
}

// CountActiveAccounts counts local, usable accounts with a browser session
// seen, or a pin made, since the given time (NodeInfo's activeMonth and
// activeHalfyear).
func (db *DB) CountActiveAccounts(ctx context.Context, since time.Time) (int64, error) {
	since = since.UTC()
	var n int64
	err := db.gorm.WithContext(ctx).Raw(`SELECT COUNT(*) FROM accounts a
		WHERE a.domain = '' AND a.approved = ? AND a.disabled = ? AND (
			EXISTS (SELECT 1 FROM sessions s WHERE s.account_id = a.id AND s.last_seen_at >= ?)
			OR EXISTS (SELECT 1 FROM pins p WHERE p.account_id = a.id AND p.created_at >= ?))`,
		true, false, since, since).Scan(&n).Error
	return n, translate("count active accounts", "accounts", err)
}
