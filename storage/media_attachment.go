package storage

import (
	"context"
	"encoding/json"
	"time"

	"github.com/corkboard/corkboard"
)

type mediaAttachmentRow struct {
	ID          int64
	AccountID   int64
	Image       string // JSON
	Description string
	CreatedAt   time.Time
	MessageID   *int64
}

func (mediaAttachmentRow) TableName() string { return "media_attachments" }

// CreateMediaAttachment stores a pending upload and sets its ID.
func (db *DB) CreateMediaAttachment(ctx context.Context, m *corkboard.MediaAttachment) error {
	image, err := json.Marshal(m.Image)
	if err != nil {
		return err
	}
	row := &mediaAttachmentRow{AccountID: m.AccountID, Image: string(image), Description: m.Description,
		CreatedAt: m.CreatedAt.UTC(), MessageID: optionalID(m.MessageID)}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create media attachment", "media", err)
	}
	m.ID = row.ID
	return nil
}

// MediaAttachmentByID finds an upload.
func (db *DB) MediaAttachmentByID(ctx context.Context, id int64) (*corkboard.MediaAttachment, error) {
	var row mediaAttachmentRow
	if err := db.gorm.WithContext(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, translate("media attachment", "media", err)
	}
	m := &corkboard.MediaAttachment{ID: row.ID, AccountID: row.AccountID, Description: row.Description,
		CreatedAt: row.CreatedAt, MessageID: deref(row.MessageID)}
	_ = json.Unmarshal([]byte(row.Image), &m.Image) // written by us
	return m, nil
}

// UseMediaAttachments marks the owner's pending uploads ids as used by a
// message and reports how many it marked: a used or someone else's upload
// is not counted.
func (db *DB) UseMediaAttachments(ctx context.Context, ownerID int64, ids []int64, messageID int64) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res := db.gorm.WithContext(ctx).Model(&mediaAttachmentRow{}).
		Where("id IN ? AND account_id = ? AND message_id IS NULL", ids, ownerID).
		Update("message_id", messageID)
	return res.RowsAffected, translate("use media attachments", "media", res.Error)
}
