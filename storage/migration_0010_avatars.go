package storage

import (
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0010Avatars adds the small (96 px) rendition of an account's
// avatar beside avatar_key, which holds the 400 px one. Remote accounts
// use both too: their pictures are fetched into our media, never
// hotlinked, and avatar_url then names the icon they were fetched from.
// Frozen: do not edit.
func migration0010Avatars() *gormigrate.Migration {
	type account struct {
		ID             int64  `gorm:"primaryKey"`
		AvatarSmallKey string `gorm:"size:255;not null;default:''"`
	}
	return &gormigrate.Migration{
		ID: "0010_avatars",
		Migrate: func(tx *gorm.DB) error {
			if err := tx.Migrator().AddColumn(&account{}, "AvatarSmallKey"); err != nil {
				return fmt.Errorf("add accounts.avatar_small_key: %w", err)
			}
			return nil
		},
		Rollback: func(tx *gorm.DB) error {
			if err := tx.Migrator().DropColumn(&account{}, "AvatarSmallKey"); err != nil {
				return fmt.Errorf("drop accounts.avatar_small_key: %w", err)
			}
			return nil
		},
	}
}
