package storage

import (
	"context"
	"encoding/json"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type messageRow struct {
	ID             int64
	ConversationID int64
	SenderID       int64
	Text           string
	IRI            *string `gorm:"column:iri"`
	InReplyToIRI   string  `gorm:"column:in_reply_to_iri"`
	PinID          *int64
	BoardID        *int64
	ProfileID      *int64
	Images         string
	CreatedAt      time.Time
	DeletedAt      *time.Time
}

func (messageRow) TableName() string { return "messages" }

func (r *messageRow) domain() *corkboard.Message {
	m := &corkboard.Message{ID: r.ID, ConversationID: r.ConversationID, SenderID: r.SenderID, Text: r.Text,
		IRI: derefString(r.IRI), InReplyToIRI: r.InReplyToIRI, CreatedAt: r.CreatedAt, DeletedAt: derefTime(r.DeletedAt),
		Attachment: corkboard.MessageAttachment{PinID: deref(r.PinID), BoardID: deref(r.BoardID), ProfileID: deref(r.ProfileID)}}
	_ = json.Unmarshal([]byte(r.Images), &m.Attachment.Images) // written by us
	return m
}

// CreateMessage inserts a message and sets its ID.
func (db *DB) CreateMessage(ctx context.Context, m *corkboard.Message) error {
	images, err := json.Marshal(m.Attachment.Images)
	if err != nil {
		return err
	}
	row := &messageRow{ConversationID: m.ConversationID, SenderID: m.SenderID, Text: m.Text, IRI: optionalString(m.IRI),
		InReplyToIRI: m.InReplyToIRI, PinID: optionalID(m.Attachment.PinID), BoardID: optionalID(m.Attachment.BoardID),
		ProfileID: optionalID(m.Attachment.ProfileID), Images: string(images), CreatedAt: m.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create message", "message", err)
	}
	m.ID = row.ID
	return nil
}

// RecordNewMessage moves the conversation's last message forward and
// counts the message as unread for every member but its sender.
func (db *DB) RecordNewMessage(ctx context.Context, m *corkboard.Message) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&conversationRow{}).Where("id = ?", m.ConversationID).
			Updates(map[string]any{"last_message_id": m.ID, "updated_at": m.CreatedAt.UTC()}).Error; err != nil {
			return err
		}
		return tx.Model(&memberRow{}).Where("conversation_id = ? AND account_id <> ?", m.ConversationID, m.SenderID).
			Where("account_id NOT IN (SELECT blocker_id FROM account_blocks WHERE target_id = ?)", m.SenderID).
			Update("unread", gorm.Expr("unread + 1")).Error
	})
	return translate("record new message", "conversation", err)
}

// MessageByID finds a message.
func (db *DB) MessageByID(ctx context.Context, id int64) (*corkboard.Message, error) {
	return db.messageWhere(ctx, "id = ?", id)
}

// MessageByIRI finds a remote message by its id.
func (db *DB) MessageByIRI(ctx context.Context, iri string) (*corkboard.Message, error) {
	return db.messageWhere(ctx, "iri = ?", iri)
}

func (db *DB) messageWhere(ctx context.Context, cond string, arg any) (*corkboard.Message, error) {
	var row messageRow
	if err := db.gorm.WithContext(ctx).Where(cond, arg).Take(&row).Error; err != nil {
		return nil, translate("message", "message", err)
	}
	return row.domain(), nil
}

// MessagesByIDs loads messages in one query.
func (db *DB) MessagesByIDs(ctx context.Context, ids []int64) (map[int64]*corkboard.Message, error) {
	var rows []messageRow
	err := db.gorm.WithContext(ctx).Where("id IN ?", unique(ids)).Find(&rows).Error
	out := make(map[int64]*corkboard.Message, len(rows))
	for i := range rows {
		out[rows[i].ID] = rows[i].domain()
	}
	return out, translate("messages by ids", "messages", err)
}

// ListMessages lists a conversation's messages oldest first, without
// those from people the viewer blocks (filtered here, so a page is full).
func (db *DB) ListMessages(ctx context.Context, conversationID, viewerID, afterID int64, limit int) ([]*corkboard.Message, error) {
	var rows []messageRow
	err := db.gorm.WithContext(ctx).Where("conversation_id = ? AND id > ?", conversationID, afterID).
		Where("sender_id NOT IN (SELECT target_id FROM account_blocks WHERE blocker_id = ?)", viewerID).
		Order("id").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Message, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list messages", "messages", err)
}

// ListMessagesBefore lists the newest messages before beforeID, newest
// first, without those from people the viewer blocks: a thread opens at
// its end, and "earlier messages" walks back along the same index.
func (db *DB) ListMessagesBefore(ctx context.Context, conversationID, viewerID, beforeID int64, limit int) ([]*corkboard.Message, error) {
	q := db.gorm.WithContext(ctx).Where("conversation_id = ?", conversationID).
		Where("sender_id NOT IN (SELECT target_id FROM account_blocks WHERE blocker_id = ?)", viewerID)
	if beforeID > 0 {
		q = q.Where("id < ?", beforeID)
	}
	var rows []messageRow
	err := q.Order("id DESC").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Message, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list earlier messages", "messages", err)
}

// FirstMessages loads the first message of each conversation in one
// query (what a request is about).
func (db *DB) FirstMessages(ctx context.Context, conversationIDs []int64) (map[int64]*corkboard.Message, error) {
	out := map[int64]*corkboard.Message{}
	if len(conversationIDs) == 0 {
		return out, nil
	}
	var rows []messageRow
	err := db.gorm.WithContext(ctx).
		Where("id IN (SELECT MIN(id) FROM messages WHERE conversation_id IN ? GROUP BY conversation_id)", unique(conversationIDs)).
		Find(&rows).Error
	for i := range rows {
		out[rows[i].ConversationID] = rows[i].domain()
	}
	return out, translate("first messages", "messages", err)
}

// MarkMessageDeleted blanks a message, keeping its place in the thread.
func (db *DB) MarkMessageDeleted(ctx context.Context, id int64, at time.Time) error {
	res := db.gorm.WithContext(ctx).Model(&messageRow{}).Where("id = ?", id).
		Updates(map[string]any{"deleted_at": at.UTC(), "text": "", "pin_id": nil, "board_id": nil, "profile_id": nil, "images": "[]"})
	return rowsAffected("delete message", "message", res.Error, res.RowsAffected)
}
