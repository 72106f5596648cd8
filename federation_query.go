package corkboard

import (
	"context"
	"time"
)

// FollowQuery selects accepted follows, newest first: those of a follower
// (what they follow) or those of a target person or board (its followers).
type FollowQuery struct {
	FollowerID      int64
	TargetAccountID int64
	TargetBoardID   int64
	// BeforeID and AfterID are keyset cursors (follow ids); AfterID pages
	// towards newer follows, as a collection's "prev" link does.
	BeforeID int64
	AfterID  int64
	Limit    int
}

// PinIDQuery selects local public pins of a person or a board, newest
// first, with the same cursors as FollowQuery.
type PinIDQuery struct {
	AccountID int64
	BoardID   int64
	BeforeID  int64
	AfterID   int64
	Limit     int
}

// QueueCount is how many background jobs of one queue are in one state.
type QueueCount struct {
	Queue string
	State string // River's states: available, scheduled, retryable, running, completed, discarded, cancelled...
	Count int64
}

// FederationQueryStore answers what the federation surface publishes
// (collections, NodeInfo) and what admins ask about delivery.
type FederationQueryStore interface {
	ListFollows(ctx context.Context, q FollowQuery) ([]*Follow, error)
	// PublicPinIDs never returns secret or remote pins.
	PublicPinIDs(ctx context.Context, q PinIDQuery) ([]int64, error)
	// CountPublicPins counts local public pins of a person, of a board, or
	// (both zero) of the whole instance.
	CountPublicPins(ctx context.Context, accountID, boardID int64) (int64, error)
	// CountActiveAccounts counts local accounts that signed in or pinned
	// since the given time.
	CountActiveAccounts(ctx context.Context, since time.Time) (int64, error)
	// QueueCounts counts jobs by queue and state; completed jobs only when
	// they finished after since.
	QueueCounts(ctx context.Context, since time.Time) ([]QueueCount, error)
}
