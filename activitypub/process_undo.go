package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processUndo undoes a Follow, Like, Announce or Block. What is undone is
// resolved from OUR records, never by fetching the inner id (Mastodon
// sends an Undo after deleting what it undoes, so a fetch would 404; and
// a fetched document is not proof of what we received): first the
// activity as we stored it when it arrived, else the embedded copy (the
// Undo is signed by its actor, whose own activity it embeds), else the
// follow or share we recorded under that id. In every case the Undo's
// actor must be the undone activity's actor.
//
// The undone id is tombstoned too: River may process an Undo before the
// activity it undoes (both arrive at once), which then stays undone.
func (f *Federation) processUndo(ctx context.Context, a *vocab.Activity) error {
	inner, err := f.undone(ctx, a)
	if err != nil {
		return err
	}
	if inner != nil && inner.Actor.ID != a.Actor.ID {
		return refuse("%s cannot undo an activity of %s", a.Actor.ID, inner.Actor.ID)
	}
	if id := a.Object().ID; sameHost(id, a.Actor.ID) {
		if err := f.Store.AddTombstone(ctx, id, f.Now()); err != nil {
			return err
		}
	}
	if inner == nil {
		return nil
	}
	switch inner.Type {
	case "Follow":
		return f.undoFollow(ctx, a, inner)
	case "Like":
		return f.undoLike(ctx, a, inner)
	case "Announce":
		return f.undoAnnounce(ctx, a, inner)
	case "Block":
		return f.undoBlock(ctx, inner)
	}
	return nil
}

// undone returns the activity an Undo names, or nil when we have no
// record of it (nothing to undo).
func (f *Federation) undone(ctx context.Context, a *vocab.Activity) (*vocab.Activity, error) {
	ref := a.Object()
	if ref.ID != "" {
		if stored, err := f.Store.InboxActivityByIRI(ctx, ref.ID); err == nil {
			inner, err := vocab.DecodeActivity(stored.Raw)
			return inner, permanent(err)
		} else if corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			return nil, err
		}
	}
	if ref.IsEmbedded() {
		if !sameHost(ref.ID, a.Actor.ID) {
			return nil, refuse("embedded %s %s is not from %s's server", ref.Type, ref.ID, a.Actor.ID)
		}
		inner, err := ref.Activity()
		return inner, permanent(err)
	}
	return f.recordedActivity(ctx, ref.ID)
}

// recordedActivity rebuilds an activity from what we recorded under its
// id: a follow of ours or a share. nil when there is none.
func (f *Federation) recordedActivity(ctx context.Context, id string) (*vocab.Activity, error) {
	if sh, err := f.Store.ShareByIRI(ctx, id); err == nil {
		actor, err := f.Store.AccountByID(ctx, sh.AccountID)
		if err != nil {
			return nil, err
		}
		return &vocab.Activity{ID: id, Type: "Announce", Actor: vocab.Ref{ID: actor.IRI},
			Objects: vocab.Refs{{ID: f.pinIRI(sh.PinID)}}}, nil
	}
	fl, err := f.Store.FollowByIRI(ctx, id)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	follower, err := f.Store.AccountByID(ctx, fl.FollowerID)
	if err != nil {
		return nil, err
	}
	return &vocab.Activity{ID: id, Type: "Follow", Actor: vocab.Ref{ID: follower.IRI}}, nil
}

// undoFollow removes the sender's follow of one of ours.
func (f *Federation) undoFollow(ctx context.Context, undo, inner *vocab.Activity) error {
	follower, err := f.Store.AccountByIRI(ctx, undo.Actor.ID)
	if err != nil {
		return ignoreNotFound(err)
	}
	fl, err := f.Store.FollowByIRI(ctx, inner.ID)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		target, terr := f.localActor(ctx, inner.Object().ID)
		if terr != nil {
			return nil // not a follow of ours
		}
		fl, err = f.Store.FindFollow(ctx, follower.ID, accountIDOf(target), boardIDOf(target))
	}
	if err != nil {
		return ignoreNotFound(err)
	}
	if fl.FollowerID != follower.ID {
		return refuse("%s cannot undo a follow of someone else", undo.Actor.ID)
	}
	return f.Service.RemoveFollow(ctx, fl)
}

// undoLike removes the sender's like of one of our pins: likes are keyed
// by (account, pin), so only the sender's own like can go.
func (f *Federation) undoLike(ctx context.Context, undo, inner *vocab.Activity) error {
	pinID := f.localPinID(inner.Object().ID)
	if pinID == 0 {
		return nil
	}
	liker, err := f.Store.AccountByIRI(ctx, undo.Actor.ID)
	if err != nil {
		return ignoreNotFound(err)
	}
	return f.Service.RemoteUnlike(ctx, liker, pinID)
}

// undoAnnounce removes the share recorded under the Announce's id, if it
// is the sender's.
func (f *Federation) undoAnnounce(ctx context.Context, undo, inner *vocab.Activity) error {
	sh, err := f.Store.ShareByIRI(ctx, inner.ID)
	if err != nil {
		return ignoreNotFound(err)
	}
	sharer, err := f.Store.AccountByIRI(ctx, undo.Actor.ID)
	if err != nil || sharer.ID != sh.AccountID {
		return refuse("%s cannot undo a share of someone else", undo.Actor.ID)
	}
	return f.Service.RemoteUnshare(ctx, sh)
}

// ignoreNotFound turns "not found" into nothing to do.
func ignoreNotFound(err error) error {
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil
	}
	return err
}

func accountIDOf(ra *ResolvedActor) int64 {
	if ra.Board != nil {
		return 0
	}
	return ra.Account.ID
}

func boardIDOf(ra *ResolvedActor) int64 {
	if ra.Board != nil {
		return ra.Board.ID
	}
	return 0
}
