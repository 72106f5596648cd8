package corkboard

import (
	"context"
	"time"
)

// Comment is a reply on a pin (it will federate as a Note reply).
type Comment struct {
	ID        int64
	PinID     int64
	AccountID int64
	Text      string
	IRI       string
	CreatedAt time.Time

	Account *Account // author, when loaded
}

// Follow is one account following a person or a single board.
type Follow struct {
	ID              int64
	FollowerID      int64
	TargetAccountID int64 // set when following a person
	TargetBoardID   int64 // set when following a board
	Pending         bool  // waiting for the target to approve
	IRI             string
	CreatedAt       time.Time
}

// SocialStore persists likes, comments and follows.
type SocialStore interface {
	// AddLike records a like; created is false if it already existed.
	AddLike(ctx context.Context, accountID, pinID int64, now time.Time) (created bool, err error)
	// RemoveLike deletes a like and returns when it was made (zero when
	// there was none): its activity's id derives from that time.
	RemoveLike(ctx context.Context, accountID, pinID int64) (likedAt time.Time, err error)
	// LikedPins reports which of pinIDs the account likes, in one query.
	LikedPins(ctx context.Context, accountID int64, pinIDs []int64) (map[int64]bool, error)

	CreateComment(ctx context.Context, c *Comment) error
	CommentByID(ctx context.Context, id int64) (*Comment, error)
	DeleteComment(ctx context.Context, id int64) error
	// ListComments lists a pin's comments oldest first, after AfterID.
	ListComments(ctx context.Context, pinID, afterID int64, limit int) ([]*Comment, error)

	CreateFollow(ctx context.Context, f *Follow) error
	DeleteFollow(ctx context.Context, followerID, targetAccountID, targetBoardID int64) (removed bool, err error)
	FindFollow(ctx context.Context, followerID, targetAccountID, targetBoardID int64) (*Follow, error)
	// FollowsAmong finds a person's follows (pending or not) of any of
	// the people and boards named, in one query.
	FollowsAmong(ctx context.Context, followerID int64, accountIDs, boardIDs []int64) ([]*Follow, error)
	CountFollowers(ctx context.Context, targetAccountID, targetBoardID int64) (int64, error)
	CountFollowing(ctx context.Context, followerID int64) (int64, error)
}

// FeedStore keeps home feeds materialised on write: a feed is computed
// when a pin is made, not when a feed is read, so reading stays one
// indexed range scan however sparse the follow graph is.
type FeedStore interface {
	// FanOut adds a pin to its owner's feed and, unless it is secret, to
	// the feeds of the owner's and the board's followers.
	FanOut(ctx context.Context, p *Pin) error
	// Backfill adds a newly followed person's or board's recent public
	// pins to the follower's feed.
	Backfill(ctx context.Context, followerID, targetAccountID, targetBoardID int64, limit int) error
	// Unmerge removes an unfollowed person's or board's pins from the
	// follower's feed, keeping those that another follow still brings.
	Unmerge(ctx context.Context, followerID, targetAccountID, targetBoardID int64) error
	// RemoveFromOtherFeeds removes a pin from every feed but its owner's
	// (a pin moved to a secret board).
	RemoveFromOtherFeeds(ctx context.Context, pinID, ownerID int64) error
	// HomeFeed returns the account's feed, newest first, and the cursor of
	// the next page (0 at the end).
	HomeFeed(ctx context.Context, accountID, beforeCursor int64, limit int) ([]*Pin, int64, error)
}

// Loader fetches related rows in batches, so showing N pins costs a fixed
// number of queries, not N.
type Loader interface {
	AccountsByIDs(ctx context.Context, ids []int64) (map[int64]*Account, error)
	BoardsByIDs(ctx context.Context, ids []int64) (map[int64]*Board, error)
	PinsByIDs(ctx context.Context, ids []int64) (map[int64]*Pin, error)
}

// SearchStore searches boards and people (pins are searched by ListPins).
type SearchStore interface {
	SearchBoards(ctx context.Context, query string, viewerID int64, limit int) ([]*Board, error)
	SearchAccounts(ctx context.Context, query string, limit int) ([]*Account, error)
}
