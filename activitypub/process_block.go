package activitypub

import (
	"context"

	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processBlock applies a remote person's block of one of ours: the
// follows between them end, both ways, and the block is recorded (our
// person's messages stop going to them) until they Undo it.
func (f *Federation) processBlock(ctx context.Context, a *vocab.Activity) error {
	if undone, err := f.Store.IsTombstoned(ctx, a.ID); err != nil || undone {
		return err
	}
	target, err := f.localActor(ctx, a.Object().ID)
	if err != nil || target.Board != nil {
		return nil // not one of our people
	}
	blocker, err := f.personSender(ctx, a)
	if err != nil {
		return err
	}
	return f.Service.RemoteBlock(ctx, blocker, target.Account, a.ID)
}

// undoBlock lifts a remote person's block of one of ours.
func (f *Federation) undoBlock(ctx context.Context, inner *vocab.Activity) error {
	target, err := f.localActor(ctx, inner.Object().ID)
	if err != nil || target.Board != nil {
		return nil // not one of our people
	}
	blocker, err := f.personSender(ctx, inner)
	if err != nil {
		return err
	}
	return f.Service.RemoteUnblock(ctx, blocker, target.Account)
}
