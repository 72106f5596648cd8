package corkboard

import "context"

// FollowRequest is a follow of a person who approves followers by hand
// (Mastodon's "locked" account), waiting for their answer.
type FollowRequest struct {
	*Follow
	From *Account // who asks to follow
}

// FollowRequestStore lists the follows that wait for a person's answer.
type FollowRequestStore interface {
	// ListFollowRequests lists pending follows of a person, newest first,
	// before a follow id (0: from the newest).
	ListFollowRequests(ctx context.Context, targetAccountID, beforeID int64, limit int) ([]*Follow, error)
	// CountFollowRequests counts a person's pending follows.
	CountFollowRequests(ctx context.Context, targetAccountID int64) (int64, error)
	// DeleteFollowRequestNotifications removes the "follow_request"
	// notifications one person's request gave another: once answered or
	// withdrawn, there is nothing left to answer.
	DeleteFollowRequestNotifications(ctx context.Context, accountID, fromAccountID int64) error
}
