package corkboard

import (
	"context"
	"time"
)

// Federator turns local changes into ActivityPub deliveries. The Service
// calls it inside the transaction of the change, with that transaction's
// Store, so the deliveries it enqueues commit with the change or not at all.
// The activitypub package implements it; NopFederator does nothing (a
// Service built without federation, as in unit tests).
type Federator interface {
	PinCreated(ctx context.Context, tx Store, p *Pin) error
	PinUpdated(ctx context.Context, tx Store, p *Pin) error
	PinDeleted(ctx context.Context, tx Store, p *Pin) error
	PinSaved(ctx context.Context, tx Store, saver *Account, original, copy *Pin) error
	// PinLiked and PinUnliked take the time of the like: every like is a
	// new activity, and its Undo must name the like it withdraws.
	PinLiked(ctx context.Context, tx Store, liker *Account, p *Pin, likedAt time.Time) error
	PinUnliked(ctx context.Context, tx Store, liker *Account, p *Pin, likedAt time.Time) error
	Commented(ctx context.Context, tx Store, c *Comment, p *Pin) error
	CommentDeleted(ctx context.Context, tx Store, c *Comment, p *Pin) error
	// Followed is called for a follow of a remote person or board.
	Followed(ctx context.Context, tx Store, f *Follow) error
	Unfollowed(ctx context.Context, tx Store, f *Follow) error
	// FollowAnswered tells a remote follower of a local person or board
	// that the follow was accepted (or rejected).
	FollowAnswered(ctx context.Context, tx Store, f *Follow, accepted bool) error
	ProfileUpdated(ctx context.Context, tx Store, a *Account) error
	BoardUpdated(ctx context.Context, tx Store, b *Board) error
	BoardDeleted(ctx context.Context, tx Store, b *Board) error
}

// NopFederator is a Federator that federates nothing.
type NopFederator struct{}

var _ Federator = NopFederator{}

func (NopFederator) PinCreated(context.Context, Store, *Pin) error                      { return nil }
func (NopFederator) PinUpdated(context.Context, Store, *Pin) error                      { return nil }
func (NopFederator) PinDeleted(context.Context, Store, *Pin) error                      { return nil }
func (NopFederator) PinSaved(context.Context, Store, *Account, *Pin, *Pin) error        { return nil }
func (NopFederator) PinLiked(context.Context, Store, *Account, *Pin, time.Time) error   { return nil }
func (NopFederator) PinUnliked(context.Context, Store, *Account, *Pin, time.Time) error { return nil }
func (NopFederator) Commented(context.Context, Store, *Comment, *Pin) error             { return nil }
func (NopFederator) CommentDeleted(context.Context, Store, *Comment, *Pin) error        { return nil }
func (NopFederator) Followed(context.Context, Store, *Follow) error                     { return nil }
func (NopFederator) Unfollowed(context.Context, Store, *Follow) error                   { return nil }
func (NopFederator) FollowAnswered(context.Context, Store, *Follow, bool) error         { return nil }
func (NopFederator) ProfileUpdated(context.Context, Store, *Account) error              { return nil }
func (NopFederator) BoardUpdated(context.Context, Store, *Board) error                  { return nil }
func (NopFederator) BoardDeleted(context.Context, Store, *Board) error                  { return nil }
