package storage

import (
	"context"
	"errors"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type accountBlockRow struct {
	BlockerID int64   `gorm:"primaryKey"`
	TargetID  int64   `gorm:"primaryKey"`
	IRI       *string `gorm:"column:iri"`
	CreatedAt time.Time
}

func (accountBlockRow) TableName() string { return "account_blocks" }

// AddBlock records that one person blocks another (idempotent).
func (db *DB) AddBlock(ctx context.Context, b *corkboard.Block) error {
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&accountBlockRow{
		BlockerID: b.BlockerID, TargetID: b.TargetID, IRI: optionalString(b.IRI), CreatedAt: b.CreatedAt.UTC()}).Error
	return translate("add block", "block", err)
}

// RemoveBlock lifts a block.
func (db *DB) RemoveBlock(ctx context.Context, blockerID, targetID int64) error {
	err := db.gorm.WithContext(ctx).Where("blocker_id = ? AND target_id = ?", blockerID, targetID).Delete(&accountBlockRow{}).Error
	return translate("remove block", "block", err)
}

// BlockersAmong returns which of candidateIDs block targetID.
func (db *DB) BlockersAmong(ctx context.Context, targetID int64, candidateIDs []int64) (map[int64]bool, error) {
	return db.blockSet(ctx, "blocker_id", "target_id = ? AND blocker_id IN ?", targetID, candidateIDs)
}

// BlockedAmong returns which of candidateIDs blockerID blocks.
func (db *DB) BlockedAmong(ctx context.Context, blockerID int64, candidateIDs []int64) (map[int64]bool, error) {
	return db.blockSet(ctx, "target_id", "blocker_id = ? AND target_id IN ?", blockerID, candidateIDs)
}

func (db *DB) blockSet(ctx context.Context, column, cond string, id int64, candidateIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(candidateIDs) == 0 {
		return out, nil
	}
	var ids []int64
	err := db.gorm.WithContext(ctx).Model(&accountBlockRow{}).Where(cond, id, candidateIDs).Pluck(column, &ids).Error
	for _, v := range ids {
		out[v] = true
	}
	return out, translate("blocks among", "block", err)
}

// ListBlocked lists the people someone blocks, most recent first.
func (db *DB) ListBlocked(ctx context.Context, blockerID int64, limit int) ([]*corkboard.Account, error) {
	var rows []accountRow
	err := db.gorm.WithContext(ctx).Table("accounts").
		Joins("JOIN account_blocks ON account_blocks.target_id = accounts.id").
		Where("account_blocks.blocker_id = ?", blockerID).
		Order("account_blocks.created_at DESC, accounts.id DESC").Limit(limit).
		Select("accounts.*").Find(&rows).Error
	out := make([]*corkboard.Account, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list blocked", "blocks", err)
}

// BlockBetween finds one person's block of another.
func (db *DB) BlockBetween(ctx context.Context, blockerID, targetID int64) (*corkboard.Block, error) {
	var row accountBlockRow
	if err := db.gorm.WithContext(ctx).Where("blocker_id = ? AND target_id = ?", blockerID, targetID).Take(&row).Error; err != nil {
		return nil, translate("block", "block", err)
	}
	b := &corkboard.Block{BlockerID: row.BlockerID, TargetID: row.TargetID, CreatedAt: row.CreatedAt}
	if row.IRI != nil {
		b.IRI = *row.IRI
	}
	return b, nil
}

// IsBlocked reports whether blocker blocks target.
func (db *DB) IsBlocked(ctx context.Context, blockerID, targetID int64) (bool, error) {
	var row accountBlockRow
	err := db.gorm.WithContext(ctx).Where("blocker_id = ? AND target_id = ?", blockerID, targetID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	return err == nil, translate("is blocked", "block", err)
}

type notificationRow struct {
	ID             int64
	AccountID      int64
	Type           string
	FromAccountID  int64
	MessageID      *int64
	ConversationID *int64
	CreatedAt      time.Time
	ReadAt         *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

// CreateNotification stores a notification.
func (db *DB) CreateNotification(ctx context.Context, n *corkboard.Notification) error {
	row := &notificationRow{AccountID: n.AccountID, Type: n.Type, FromAccountID: n.FromAccountID,
		MessageID: optionalID(n.MessageID), ConversationID: optionalID(n.ConversationID), CreatedAt: n.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create notification", "notification", err)
	}
	n.ID = row.ID
	return nil
}

// ListNotifications lists a person's notifications, newest first.
func (db *DB) ListNotifications(ctx context.Context, accountID, before int64, limit int) ([]*corkboard.Notification, error) {
	q := db.gorm.WithContext(ctx).Where("account_id = ?", accountID)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []notificationRow
	err := q.Order("id DESC").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Notification, len(rows))
	for i, r := range rows {
		out[i] = &corkboard.Notification{ID: r.ID, AccountID: r.AccountID, Type: r.Type, FromAccountID: r.FromAccountID,
			MessageID: deref(r.MessageID), ConversationID: deref(r.ConversationID), CreatedAt: r.CreatedAt, ReadAt: derefTime(r.ReadAt)}
	}
	return out, translate("list notifications", "notifications", err)
}

// CountUnreadNotifications counts notifications not yet read.
func (db *DB) CountUnreadNotifications(ctx context.Context, accountID int64) (int64, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&notificationRow{}).Where("account_id = ? AND read_at IS NULL", accountID).Count(&n).Error
	return n, translate("count notifications", "notifications", err)
}

// MarkNotificationsRead marks notifications up to an id as read.
func (db *DB) MarkNotificationsRead(ctx context.Context, accountID, upToID int64, at time.Time) error {
	err := db.gorm.WithContext(ctx).Model(&notificationRow{}).
		Where("account_id = ? AND id <= ? AND read_at IS NULL", accountID, upToID).Update("read_at", at.UTC()).Error
	return translate("mark notifications read", "notifications", err)
}

// MessagePolicy returns who may start a conversation with a person.
func (db *DB) MessagePolicy(ctx context.Context, accountID int64) (corkboard.MessagePolicy, error) {
	var p string
	err := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("id = ?", accountID).Pluck("message_policy", &p).Error
	if err != nil {
		return "", translate("message policy", "account", err)
	}
	if p == "" {
		return corkboard.MessagesFromFollowing, nil
	}
	return corkboard.MessagePolicy(p), nil
}

// SetMessagePolicy changes who may start a conversation with a person.
func (db *DB) SetMessagePolicy(ctx context.Context, accountID int64, p corkboard.MessagePolicy) error {
	res := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("id = ?", accountID).Update("message_policy", string(p))
	return rowsAffected("set message policy", "account", res.Error, res.RowsAffected)
}
