package storage

import (
	"context"

	"github.com/corkboard/corkboard"
)

// ListFollowRequests lists pending follows of a person, newest first.
func (db *DB) ListFollowRequests(ctx context.Context, accountID, beforeID int64, limit int) ([]*corkboard.Follow, error) {
	q := db.gorm.WithContext(ctx).Where("target_account_id = ? AND pending = ?", accountID, true)
	var rows []followRow
	if err := keyset(q, "id", beforeID, 0, limit).Find(&rows).Error; err != nil {
		return nil, translate("list follow requests", "follows", err)
	}
	out := make([]*corkboard.Follow, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// CountFollowRequests counts a person's pending follows.
func (db *DB) CountFollowRequests(ctx context.Context, accountID int64) (int64, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&followRow{}).
		Where("target_account_id = ? AND pending = ?", accountID, true).Count(&n).Error
	return n, translate("count follow requests", "follows", err)
}

// DeleteFollowRequestNotifications removes the "follow_request"
// notifications from one person to another.
func (db *DB) DeleteFollowRequestNotifications(ctx context.Context, accountID, fromAccountID int64) error {
	err := db.gorm.WithContext(ctx).Where("account_id = ? AND from_account_id = ? AND type = ?",
		accountID, fromAccountID, "follow_request").Delete(&notificationRow{}).Error
	return translate("delete follow request notifications", "notifications", err)
}
