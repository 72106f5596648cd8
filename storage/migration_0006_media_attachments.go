package storage

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0006MediaAttachments creates media_attachments: images uploaded
// through the client API (POST /api/v2/media), pending until a message
// uses them. Frozen: do not edit.
func migration0006MediaAttachments() *gormigrate.Migration {
	type account struct{ ID int64 }
	type message struct{ ID int64 }
	type mediaAttachment struct {
		ID          int64     `gorm:"primaryKey;autoIncrement"`
		AccountID   int64     `gorm:"not null;index"`
		Image       string    `gorm:"type:text;not null"` // JSON (corkboard.Image)
		Description string    `gorm:"type:text;not null;default:''"`
		CreatedAt   time.Time `gorm:"not null"`
		MessageID   *int64    `gorm:"index"`
		Account     account   `gorm:"constraint:OnDelete:CASCADE"`
		Message     *message  `gorm:"constraint:OnDelete:CASCADE"`
	}
	return &gormigrate.Migration{
		ID: "0006_media_attachments",
		Migrate: func(tx *gorm.DB) error {
			return createTables(tx, &mediaAttachment{})
		},
		Rollback: func(tx *gorm.DB) error {
			return tx.Migrator().DropTable("media_attachments")
		},
	}
}
