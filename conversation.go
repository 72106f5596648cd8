package corkboard

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"
)

// MessagePolicy says who may start a conversation with a person.
type MessagePolicy string

const (
	MessagesFromEveryone  MessagePolicy = "everyone"
	MessagesFromFollowing MessagePolicy = "following" // people I follow (the default)
	MessagesFromNobody    MessagePolicy = "nobody"
)

// ParseMessagePolicy validates a policy name.
func ParseMessagePolicy(s string) (MessagePolicy, error) {
	switch p := MessagePolicy(s); p {
	case MessagesFromEveryone, MessagesFromFollowing, MessagesFromNobody:
		return p, nil
	}
	return "", Errorf(EINVALID, "who may message you must be everyone, following or nobody; got %q", s)
}

// MemberState is where a conversation stands for one participant.
type MemberState string

const (
	MemberActive   MemberState = "active"   // in the conversation list
	MemberRequest  MemberState = "request"  // a first message waiting in Requests
	MemberDeclined MemberState = "declined" // a request turned down: hidden
	MemberLeft     MemberState = "left"     // left: hidden, gets nothing new
)

// Conversation is a private thread between 2 to 21 people. Each instance
// that takes part keeps its own copy, keyed by the thread's context IRI.
type Conversation struct {
	ID             int64
	ContextIRI     string // stable across servers (ActivityPub context/conversation)
	ParticipantKey string // the sorted account ids of its participants
	StartedByID    int64
	LastMessageID  int64
	CreatedAt      time.Time
	UpdatedAt      time.Time

	Members []*Member // loaded for display
}

// Member is one participant of a conversation, with their own state.
type Member struct {
	ConversationID    int64
	AccountID         int64
	State             MemberState
	Muted             bool
	LastReadMessageID int64
	Unread            int
	Account           *Account // loaded for display
}

// MessageAttachment is what travels with a message's text: a pin, a board
// or a person (rendered as cards), and images (from Mastodon clients).
type MessageAttachment struct {
	PinID     int64
	BoardID   int64
	ProfileID int64
	Images    []Image
	// MediaIDs names the sender's pending uploads (MediaAttachment) to
	// send: their images join Images and they are marked used.
	MediaIDs []int64
}

// Message is one message in a conversation.
type Message struct {
	ID             int64
	ConversationID int64
	SenderID       int64
	Text           string // plain text as written (HTML from remote servers is reduced to text)
	IRI            string // a remote message's id; empty for ours
	InReplyToIRI   string
	Attachment     MessageAttachment
	CreatedAt      time.Time
	DeletedAt      time.Time // zero unless deleted

	Sender  *Account // loaded for display
	Pin     *Pin
	Board   *Board
	Profile *Account
}

// ParticipantKey is the canonical key of a set of participants: ids
// sorted and joined, so the same people always give the same key.
func ParticipantKey(ids []int64) string {
	s := append([]int64(nil), ids...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	parts := make([]string, 0, len(s))
	for i, id := range s {
		if i > 0 && id == s[i-1] {
			continue
		}
		parts = append(parts, strconv.FormatInt(id, 10))
	}
	return strings.Join(parts, ",")
}

// Notification tells a person that something happened.
type Notification struct {
	ID             int64
	AccountID      int64  // who is notified
	Type           string // "mention" (a message), "message_request", "follow", ...
	FromAccountID  int64
	MessageID      int64
	ConversationID int64
	CreatedAt      time.Time
	ReadAt         time.Time

	From    *Account
	Message *Message
}

// Block is one person blocking another: no messages, no follows.
type Block struct {
	BlockerID int64
	TargetID  int64
	IRI       string
	CreatedAt time.Time
}

// ConversationStore persists conversations, messages, blocks and
// notifications.
type ConversationStore interface {
	CreateConversation(ctx context.Context, c *Conversation, members []*Member) error
	ConversationByID(ctx context.Context, id int64) (*Conversation, error)
	ConversationByContext(ctx context.Context, contextIRI string) (*Conversation, error)
	// ConversationByParticipants finds the conversation of exactly these
	// people that viewer is still in.
	ConversationByParticipants(ctx context.Context, key string, viewerID int64) (*Conversation, error)
	Members(ctx context.Context, conversationID int64) ([]*Member, error)
	// MembersOf loads the participants of several conversations at once.
	MembersOf(ctx context.Context, conversationIDs []int64) (map[int64][]*Member, error)
	AddMember(ctx context.Context, m *Member) error
	UpdateMember(ctx context.Context, m *Member) error
	// ListConversations lists a person's conversations in a state, most
	// recent first, keyset-paginated by the conversation's last message.
	ListConversations(ctx context.Context, accountID int64, state MemberState, beforeMessageID int64, limit int) ([]*Conversation, error)
	CountConversationsStartedSince(ctx context.Context, starterID int64, since time.Time) (int64, error)
	// CountConversations counts a person's conversations in a state (only
	// those with unread messages when unreadOnly).
	CountConversations(ctx context.Context, accountID int64, state MemberState, unreadOnly bool) (int64, error)

	CreateMessage(ctx context.Context, m *Message) error
	MessageByID(ctx context.Context, id int64) (*Message, error)
	MessagesByIDs(ctx context.Context, ids []int64) (map[int64]*Message, error)
	MessageByIRI(ctx context.Context, iri string) (*Message, error)
	// ListMessages lists a conversation's messages oldest first after
	// afterID, leaving out those whose sender the viewer blocks.
	ListMessages(ctx context.Context, conversationID, viewerID, afterID int64, limit int) ([]*Message, error)
	// ListMessagesBefore lists the newest messages before beforeID (0: the
	// newest), newest first, with the same filtering.
	ListMessagesBefore(ctx context.Context, conversationID, viewerID, beforeID int64, limit int) ([]*Message, error)
	// FirstMessages loads the first message of each conversation.
	FirstMessages(ctx context.Context, conversationIDs []int64) (map[int64]*Message, error)
	MarkMessageDeleted(ctx context.Context, id int64, at time.Time) error
	// RecordNewMessage adds one to the unread count of every member but
	// the sender and those who block the sender, and sets the
	// conversation's last message.
	RecordNewMessage(ctx context.Context, m *Message) error

	AddBlock(ctx context.Context, b *Block) error
	RemoveBlock(ctx context.Context, blockerID, targetID int64) error
	IsBlocked(ctx context.Context, blockerID, targetID int64) (bool, error)
	// ListBlocked lists the people someone blocks, most recent first.
	ListBlocked(ctx context.Context, blockerID int64, limit int) ([]*Account, error)
	// BlockBetween finds one person's block of another (ENOTFOUND if none).
	BlockBetween(ctx context.Context, blockerID, targetID int64) (*Block, error)
	// BlockersAmong returns which of candidateIDs block targetID.
	BlockersAmong(ctx context.Context, targetID int64, candidateIDs []int64) (map[int64]bool, error)
	// BlockedAmong returns which of candidateIDs blockerID blocks.
	BlockedAmong(ctx context.Context, blockerID int64, candidateIDs []int64) (map[int64]bool, error)

	CreateNotification(ctx context.Context, n *Notification) error
	ListNotifications(ctx context.Context, accountID, beforeID int64, limit int) ([]*Notification, error)
	CountUnreadNotifications(ctx context.Context, accountID int64) (int64, error)
	MarkNotificationsRead(ctx context.Context, accountID int64, upToID int64, at time.Time) error

	MessagePolicy(ctx context.Context, accountID int64) (MessagePolicy, error)
	SetMessagePolicy(ctx context.Context, accountID int64, p MessagePolicy) error
}
