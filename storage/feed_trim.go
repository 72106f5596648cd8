package storage

import (
	"context"
	"fmt"
)

// TrimFeeds keeps each home feed to its newest keep entries and returns
// how many older ones it removed. Feeds are materialised on write, so
// without this they only grow; the home page never pages that far back
// (Mastodon keeps 800). Only feeds over the limit are touched, each with
// one DELETE walking its own (account_id, pin_id) key.
func (db *DB) TrimFeeds(ctx context.Context, keep int) (int64, error) {
	if keep <= 0 {
		return 0, fmt.Errorf("trim feeds: keep must be positive, got %d", keep)
	}
	var long []int64
	err := db.gorm.WithContext(ctx).Table("feed_entries").Select("account_id").
		Group("account_id").Having("COUNT(*) > ?", keep).Pluck("account_id", &long).Error
	if err != nil {
		return 0, translate("trim feeds", "feed entries", err)
	}
	var removed int64
	for _, account := range long {
		res := db.gorm.WithContext(ctx).Exec(`DELETE FROM feed_entries WHERE account_id = ? AND pin_id <
			(SELECT pin_id FROM feed_entries WHERE account_id = ? ORDER BY pin_id DESC LIMIT 1 OFFSET ?)`,
			account, account, keep-1)
		if res.Error != nil {
			return removed, translate("trim feeds", "feed entries", res.Error)
		}
		removed += res.RowsAffected
	}
	return removed, nil
}
