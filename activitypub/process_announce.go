package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processAnnounce records a share of one of our pins (a remote save). A
// boost of anything else is ignored, but for a board's Announce of its
// owner's pin (FEP-1b12: a Group announcing a Note), which brings that
// pin to the board's followers here.
func (f *Federation) processAnnounce(ctx context.Context, a *vocab.Activity) error {
	if undone, err := f.Store.IsTombstoned(ctx, a.ID); err != nil || undone {
		return err
	}
	if err := f.refuseMessageShare(ctx, a); err != nil {
		return err
	}
	if pinID := f.localPinID(a.Object().ID); pinID != 0 {
		sharer, err := f.personSender(ctx, a)
		if err != nil {
			return err
		}
		return f.Service.RemoteShare(ctx, &corkboard.Share{AccountID: sharer.ID, PinID: pinID, IRI: a.ID})
	}
	sender, err := f.actorByIRI(ctx, a.Actor.ID)
	if err != nil || sender.Board == nil {
		return err // a person's boost of someone else's post
	}
	return f.boardAnnounce(ctx, a, sender)
}

// boardAnnounce stores the pin a board announces, when it is the board
// owner's public Note with an image.
func (f *Federation) boardAnnounce(ctx context.Context, a *vocab.Activity, board *ResolvedActor) error {
	ref := a.Object()
	if ref.IsEmbedded() && vocab.KindOf(ref.Type) != vocab.KindObject {
		return nil // an announced activity (Lemmy's Announce of Create): not a pin
	}
	if gone, err := f.Store.IsTombstoned(ctx, ref.ID); err != nil || gone {
		return err
	}
	o, err := f.objectOf(ctx, a)
	if err != nil {
		return err
	}
	owner := board.Account
	if o.Author() != owner.IRI {
		return refuse("board %s announced %s, which is not its owner's", board.IRI, o.ID)
	}
	if o.Type != "Note" || visibilityOf(o, owner.FollowersURL) != visibilityPublic || len(o.Images()) == 0 || o.InReplyTo != "" {
		return nil
	}
	return f.createPin(ctx, owner, o, board.Board)
}
