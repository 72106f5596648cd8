package storage

import (
	"context"

	"github.com/corkboard/corkboard"
)

// SetAvatar replaces an account's avatar keys and their source URL. It
// bumps updated_at, which versions the cached actor document.
func (db *DB) SetAvatar(ctx context.Context, accountID int64, av corkboard.Avatar) error {
	res := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("id = ?", accountID).Updates(map[string]any{
		"avatar_key": av.Key, "avatar_small_key": av.SmallKey, "avatar_url": av.SourceURL, "updated_at": av.UpdatedAt.UTC(),
	})
	return rowsAffected("set avatar", "account", res.Error, res.RowsAffected)
}
