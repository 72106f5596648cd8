package storage

import (
	"context"
	"strings"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm/clause"
)

// AccountByIRI finds an account by its ActivityPub id (remote accounts).
func (db *DB) AccountByIRI(ctx context.Context, iri string) (*corkboard.Account, error) {
	var row accountRow
	if err := db.gorm.WithContext(ctx).Where("iri = ?", iri).Take(&row).Error; err != nil {
		return nil, translate("account by iri", "account", err)
	}
	return row.domain(), nil
}

// RemoteAccountByAcct finds a remote account by username (any case) and
// domain; the domain index narrows it to one server's accounts.
func (db *DB) RemoteAccountByAcct(ctx context.Context, username, domain string) (*corkboard.Account, error) {
	var row accountRow
	err := db.gorm.WithContext(ctx).Where("domain = ? AND lower(username) = ?", strings.ToLower(domain), strings.ToLower(username)).
		Where("domain <> ''").Order("id").Take(&row).Error
	if err != nil {
		return nil, translate("remote account by acct", "account "+username+"@"+domain, err)
	}
	return row.domain(), nil
}

// UpsertRemoteAccount inserts a remote account or refreshes the one with
// the same IRI, and sets a.ID.
func (db *DB) UpsertRemoteAccount(ctx context.Context, a *corkboard.Account) error {
	row := accountRowFrom(a)
	row.ID = 0
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "iri"}},
		DoUpdates: clause.AssignmentColumns([]string{"username", "domain", "display_name", "bio", "inbox_url",
			"shared_inbox_url", "outbox_url", "followers_url", "following_url", "featured_url", "profile_url",
			"actor_type", "manually_approves", "fetched_at", "updated_at"}),
	}).Create(row).Error
	if err != nil {
		return translate("upsert remote account", "an account named "+a.Username+"@"+a.Domain, err)
	}
	// On PostgreSQL an upsert returns the id either way; SQLite's
	// RETURNING does too, but read it back to be sure on both.
	got, err := db.AccountByIRI(ctx, a.IRI)
	if err != nil {
		return err
	}
	a.ID = got.ID
	return nil
}

// BoardByIRI finds a board by its ActivityPub id (remote boards).
func (db *DB) BoardByIRI(ctx context.Context, iri string) (*corkboard.Board, error) {
	return db.boardWhere(ctx, "boards.iri = ?", iri)
}

// UpsertRemoteBoard inserts or refreshes a remote board by IRI.
func (db *DB) UpsertRemoteBoard(ctx context.Context, b *corkboard.Board) error {
	row := boardRowFrom(b)
	row.ID = 0
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "iri"}},
		DoUpdates: clause.AssignmentColumns([]string{"slug", "title", "description", "inbox_url", "shared_inbox_url",
			"followers_url", "page_url", "manually_approves", "fetched_at", "updated_at"}),
	}).Create(row).Error
	if err != nil {
		return translate("upsert remote board", "a board named "+b.Slug, err)
	}
	got, err := db.BoardByIRI(ctx, b.IRI)
	if err != nil {
		return err
	}
	b.ID = got.ID
	return nil
}

// PinByIRI finds a pin by its ActivityPub id (remote pins).
func (db *DB) PinByIRI(ctx context.Context, iri string) (*corkboard.Pin, error) {
	var row pinRow
	if err := db.gorm.WithContext(ctx).Select(pinColumns).Where("iri = ?", iri).Take(&row).Error; err != nil {
		return nil, translate("pin by iri", "pin", err)
	}
	return row.domain(), nil
}

// CommentByIRI finds a comment by its ActivityPub id.
func (db *DB) CommentByIRI(ctx context.Context, iri string) (*corkboard.Comment, error) {
	var row commentRow
	if err := db.gorm.WithContext(ctx).Where("iri = ?", iri).Take(&row).Error; err != nil {
		return nil, translate("comment by iri", "comment", err)
	}
	return row.domain(), nil
}

// FollowByIRI finds a follow by the id of its Follow activity.
func (db *DB) FollowByIRI(ctx context.Context, iri string) (*corkboard.Follow, error) {
	var r followRow
	if err := db.gorm.WithContext(ctx).Where("iri = ?", iri).Take(&r).Error; err != nil {
		return nil, translate("follow by iri", "follow", err)
	}
	return r.domain(), nil
}

// SetFollowIRI records the id of a follow's Follow activity.
func (db *DB) SetFollowIRI(ctx context.Context, id int64, iri string) error {
	res := db.gorm.WithContext(ctx).Model(&followRow{}).Where("id = ?", id).Update("iri", iri)
	return rowsAffected("set follow iri", "follow", res.Error, res.RowsAffected)
}

// SetFollowPending accepts (false) or re-pends a follow.
func (db *DB) SetFollowPending(ctx context.Context, id int64, pending bool) error {
	res := db.gorm.WithContext(ctx).Model(&followRow{}).Where("id = ?", id).Update("pending", pending)
	return rowsAffected("set follow pending", "follow", res.Error, res.RowsAffected)
}

// RemoteFollowerInboxes lists one inbox per remote follower, preferring
// the shared inbox, without duplicates: followers on one server that
// shares an inbox cost one delivery.
func (db *DB) RemoteFollowerInboxes(ctx context.Context, accountID, boardID int64) ([]string, error) {
	var inboxes []string
	q := followTarget(db.gorm.WithContext(ctx).Table("follows").
		Select("DISTINCT CASE WHEN a.shared_inbox_url <> '' THEN a.shared_inbox_url ELSE a.inbox_url END").
		Joins("JOIN accounts a ON a.id = follows.follower_id AND a.domain <> ''").
		Where("follows.pending = ?", false), accountID, boardID)
	err := q.Scan(&inboxes).Error
	return inboxes, translate("remote follower inboxes", "followers", err)
}

// FollowsOf lists follows whose follower or target account is accountID.
func (db *DB) FollowsOf(ctx context.Context, accountID int64) ([]*corkboard.Follow, error) {
	var rows []followRow
	err := db.gorm.WithContext(ctx).Where("follower_id = ? OR target_account_id = ?", accountID, accountID).
		Order("id").Find(&rows).Error
	out := make([]*corkboard.Follow, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("follows of", "follows", err)
}

func (r *followRow) domain() *corkboard.Follow {
	return &corkboard.Follow{ID: r.ID, FollowerID: r.FollowerID, TargetAccountID: deref(r.TargetAccountID),
		TargetBoardID: deref(r.TargetBoardID), Pending: r.Pending, IRI: derefString(r.IRI), CreatedAt: r.CreatedAt}
}
