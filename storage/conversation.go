package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type conversationRow struct {
	ID             int64
	ContextIRI     string `gorm:"column:context_iri"`
	ParticipantKey string
	StartedByID    int64
	LastMessageID  int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (conversationRow) TableName() string { return "conversations" }

func (r *conversationRow) domain() *corkboard.Conversation {
	return &corkboard.Conversation{ID: r.ID, ContextIRI: r.ContextIRI, ParticipantKey: r.ParticipantKey,
		StartedByID: r.StartedByID, LastMessageID: r.LastMessageID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type memberRow struct {
	ConversationID    int64 `gorm:"primaryKey"`
	AccountID         int64 `gorm:"primaryKey"`
	State             string
	Muted             bool
	LastReadMessageID int64
	Unread            int
}

func (memberRow) TableName() string { return "conversation_members" }

func (r *memberRow) domain() *corkboard.Member {
	return &corkboard.Member{ConversationID: r.ConversationID, AccountID: r.AccountID, State: corkboard.MemberState(r.State),
		Muted: r.Muted, LastReadMessageID: r.LastReadMessageID, Unread: r.Unread}
}

func memberRowFrom(m *corkboard.Member) *memberRow {
	return &memberRow{ConversationID: m.ConversationID, AccountID: m.AccountID, State: string(m.State),
		Muted: m.Muted, LastReadMessageID: m.LastReadMessageID, Unread: m.Unread}
}

// CreateConversation inserts a conversation and its members together.
func (db *DB) CreateConversation(ctx context.Context, c *corkboard.Conversation, members []*corkboard.Member) error {
	row := &conversationRow{ContextIRI: c.ContextIRI, ParticipantKey: c.ParticipantKey, StartedByID: c.StartedByID,
		CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(row).Error; err != nil {
			return err
		}
		rows := make([]*memberRow, len(members))
		for i, m := range members {
			m.ConversationID = row.ID
			rows[i] = memberRowFrom(m)
		}
		return tx.Create(&rows).Error
	})
	if err != nil {
		return translate("create conversation", "conversation", err)
	}
	c.ID, c.Members = row.ID, members
	return nil
}

// ConversationByID finds a conversation.
func (db *DB) ConversationByID(ctx context.Context, id int64) (*corkboard.Conversation, error) {
	return db.conversationWhere(ctx, "id = ?", id)
}

// ConversationByContext finds a conversation by its thread's context IRI.
func (db *DB) ConversationByContext(ctx context.Context, contextIRI string) (*corkboard.Conversation, error) {
	return db.conversationWhere(ctx, "context_iri = ?", contextIRI)
}

// ConversationByParticipants finds the newest conversation of exactly
// these participants that the viewer has not left.
func (db *DB) ConversationByParticipants(ctx context.Context, key string, viewerID int64) (*corkboard.Conversation, error) {
	return db.conversationWhere(ctx, `participant_key = ? AND EXISTS (SELECT 1 FROM conversation_members m
		WHERE m.conversation_id = conversations.id AND m.account_id = ? AND m.state <> ?)`, key, viewerID, corkboard.MemberLeft)
}

func (db *DB) conversationWhere(ctx context.Context, cond string, args ...any) (*corkboard.Conversation, error) {
	var row conversationRow
	if err := db.gorm.WithContext(ctx).Where(cond, args...).Order("id DESC").Take(&row).Error; err != nil {
		return nil, translate("conversation", "conversation", err)
	}
	return row.domain(), nil
}

// Members lists a conversation's participants.
func (db *DB) Members(ctx context.Context, conversationID int64) ([]*corkboard.Member, error) {
	var rows []memberRow
	err := db.gorm.WithContext(ctx).Where("conversation_id = ?", conversationID).Order("account_id").Find(&rows).Error
	out := make([]*corkboard.Member, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("members", "members", err)
}

// MembersOf loads the participants of several conversations in one query.
func (db *DB) MembersOf(ctx context.Context, conversationIDs []int64) (map[int64][]*corkboard.Member, error) {
	var rows []memberRow
	err := db.gorm.WithContext(ctx).Where("conversation_id IN ?", unique(conversationIDs)).
		Order("conversation_id, account_id").Find(&rows).Error
	out := make(map[int64][]*corkboard.Member, len(conversationIDs))
	for i := range rows {
		out[rows[i].ConversationID] = append(out[rows[i].ConversationID], rows[i].domain())
	}
	return out, translate("members of", "members", err)
}

// AddMember adds a participant.
func (db *DB) AddMember(ctx context.Context, m *corkboard.Member) error {
	return translate("add member", "member", db.gorm.WithContext(ctx).Create(memberRowFrom(m)).Error)
}

// UpdateMember saves a participant's state, mute and read marker.
func (db *DB) UpdateMember(ctx context.Context, m *corkboard.Member) error {
	res := db.gorm.WithContext(ctx).Model(&memberRow{}).
		Where("conversation_id = ? AND account_id = ?", m.ConversationID, m.AccountID).
		Updates(map[string]any{"state": string(m.State), "muted": m.Muted,
			"last_read_message_id": m.LastReadMessageID, "unread": m.Unread})
	return rowsAffected("update member", "member", res.Error, res.RowsAffected)
}

// ListConversations lists a person's conversations in one state, most
// recently active first (by last message id, a keyset cursor).
func (db *DB) ListConversations(ctx context.Context, accountID int64, state corkboard.MemberState, before int64, limit int) ([]*corkboard.Conversation, error) {
	q := db.gorm.WithContext(ctx).Table("conversations").Select("conversations.*").
		Joins("JOIN conversation_members m ON m.conversation_id = conversations.id").
		Where("m.account_id = ? AND m.state = ?", accountID, string(state))
	if before > 0 {
		q = q.Where("conversations.last_message_id < ?", before)
	}
	var rows []conversationRow
	err := q.Order("conversations.last_message_id DESC").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Conversation, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list conversations", "conversations", err)
}

// CountConversations counts a person's conversations in a state.
func (db *DB) CountConversations(ctx context.Context, accountID int64, state corkboard.MemberState, unreadOnly bool) (int64, error) {
	q := db.gorm.WithContext(ctx).Model(&memberRow{}).Where("account_id = ? AND state = ?", accountID, string(state))
	if unreadOnly {
		q = q.Where("unread > 0")
	}
	var n int64
	return n, translate("count conversations", "conversations", q.Count(&n).Error)
}

// CountConversationsStartedSince counts new conversations a person began.
func (db *DB) CountConversationsStartedSince(ctx context.Context, starterID int64, since time.Time) (int64, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&conversationRow{}).Where("started_by_id = ? AND created_at >= ?", starterID, since.UTC()).Count(&n).Error
	return n, translate("count new conversations", "conversations", err)
}
