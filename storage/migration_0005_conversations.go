package storage

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0005Conversations creates private conversations: members with
// their own state (active, request, declined, left), messages, person
// blocks, notifications, and each person's rule for who may message them.
// Frozen: do not edit.
func migration0005Conversations() *gormigrate.Migration {
	type account struct{ ID int64 }
	type pin struct{ ID int64 }
	type board struct{ ID int64 }
	type conversation struct {
		ID             int64     `gorm:"primaryKey;autoIncrement"`
		ContextIRI     string    `gorm:"column:context_iri;size:2048;not null;uniqueIndex"`
		ParticipantKey string    `gorm:"size:2048;not null;index"`
		StartedByID    int64     `gorm:"not null;index:idx_conversations_starter,priority:1"`
		LastMessageID  int64     `gorm:"not null;default:0"`
		CreatedAt      time.Time `gorm:"not null;index:idx_conversations_starter,priority:2"`
		UpdatedAt      time.Time `gorm:"not null"`
		StartedBy      account   `gorm:"foreignKey:StartedByID;constraint:OnDelete:CASCADE"`
	}
	type conversationMember struct {
		ConversationID    int64        `gorm:"primaryKey"`
		AccountID         int64        `gorm:"primaryKey;index:idx_members_account_state,priority:1"`
		State             string       `gorm:"size:16;not null;index:idx_members_account_state,priority:2"`
		Muted             bool         `gorm:"not null;default:false"`
		LastReadMessageID int64        `gorm:"not null;default:0"`
		Unread            int          `gorm:"not null;default:0"`
		Conversation      conversation `gorm:"constraint:OnDelete:CASCADE"`
		Account           account      `gorm:"constraint:OnDelete:CASCADE"`
	}
	type message struct {
		ID             int64   `gorm:"primaryKey;autoIncrement"`
		ConversationID int64   `gorm:"not null"`
		SenderID       int64   `gorm:"not null;index"`
		Text           string  `gorm:"type:text;not null;default:''"`
		IRI            *string `gorm:"column:iri;size:2048;uniqueIndex"`
		InReplyToIRI   string  `gorm:"column:in_reply_to_iri;size:2048;not null;default:''"`
		PinID          *int64  `gorm:"index"`
		BoardID        *int64
		ProfileID      *int64
		Images         string    `gorm:"type:text;not null;default:'[]'"` // JSON
		CreatedAt      time.Time `gorm:"not null"`
		DeletedAt      *time.Time
		Conversation   conversation `gorm:"constraint:OnDelete:CASCADE"`
		Sender         account      `gorm:"foreignKey:SenderID;constraint:OnDelete:CASCADE"`
		Pin            *pin         `gorm:"foreignKey:PinID;constraint:OnDelete:SET NULL"`
		Board          *board       `gorm:"foreignKey:BoardID;constraint:OnDelete:SET NULL"`
		Profile        *account     `gorm:"foreignKey:ProfileID;constraint:OnDelete:SET NULL"`
	}
	type accountBlock struct {
		BlockerID int64     `gorm:"primaryKey"`
		TargetID  int64     `gorm:"primaryKey;index"`
		IRI       *string   `gorm:"column:iri;size:2048;uniqueIndex"`
		CreatedAt time.Time `gorm:"not null"`
		Blocker   account   `gorm:"foreignKey:BlockerID;constraint:OnDelete:CASCADE"`
		Target    account   `gorm:"foreignKey:TargetID;constraint:OnDelete:CASCADE"`
	}
	type notification struct {
		ID             int64  `gorm:"primaryKey;autoIncrement"`
		AccountID      int64  `gorm:"not null"`
		Type           string `gorm:"size:32;not null"`
		FromAccountID  int64  `gorm:"not null"`
		MessageID      *int64
		ConversationID *int64
		CreatedAt      time.Time `gorm:"not null"`
		ReadAt         *time.Time
		Account        account       `gorm:"constraint:OnDelete:CASCADE"`
		FromAccount    account       `gorm:"foreignKey:FromAccountID;constraint:OnDelete:CASCADE"`
		Message        *message      `gorm:"constraint:OnDelete:CASCADE"`
		Conversation   *conversation `gorm:"constraint:OnDelete:CASCADE"`
	}
	return &gormigrate.Migration{
		ID: "0005_conversations",
		Migrate: func(tx *gorm.DB) error {
			if err := createTables(tx, &conversation{}, &conversationMember{}, &message{}, &accountBlock{}, &notification{}); err != nil {
				return err
			}
			return execAll(tx,
				`CREATE INDEX idx_messages_conversation_keyset ON messages (conversation_id, id)`,
				`CREATE INDEX idx_notifications_account_keyset ON notifications (account_id, id)`,
				`ALTER TABLE accounts ADD COLUMN message_policy VARCHAR(16) NOT NULL DEFAULT 'following'`,
			)
		},
	}
}
