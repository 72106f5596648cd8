package activitypub

import (
	"context"

	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processLike counts a remote like of one of our pins; likes of anything
// else are not ours to count.
func (f *Federation) processLike(ctx context.Context, a *vocab.Activity) error {
	pinID := f.localPinID(a.Object().ID)
	if pinID == 0 {
		return nil
	}
	if undone, err := f.Store.IsTombstoned(ctx, a.ID); err != nil || undone {
		return err // its Undo was processed first
	}
	liker, err := f.personSender(ctx, a)
	if err != nil {
		return err
	}
	return f.Service.RemoteLike(ctx, liker, pinID)
}
