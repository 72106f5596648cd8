package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processFollow records a remote person's follow of one of our people or
// public boards; the Service accepts it (unless the target approves by
// hand) and the Federator sends the Accept, signed by the board's key for
// a board.
func (f *Federation) processFollow(ctx context.Context, a *vocab.Activity) error {
	target, err := f.localActor(ctx, a.Object().ID)
	if err != nil {
		return permanent(err) // not one of ours: nothing to follow here
	}
	follower, err := f.personSender(ctx, a)
	if err != nil {
		return err
	}
	var accountID, boardID int64
	if target.Board != nil {
		boardID = target.Board.ID
	} else {
		accountID = target.Account.ID
	}
	_, err = f.Service.AcceptRemoteFollow(ctx, follower, accountID, boardID, a.ID)
	return err
}

// processAccept marks our follow accepted and brings the target's pins
// into the follower's feed. Only the followed actor can accept.
func (f *Federation) processAccept(ctx context.Context, a *vocab.Activity) error {
	fl, err := f.answeredFollow(ctx, a)
	if err != nil || fl == nil {
		return err
	}
	return f.Service.RemoteFollowAccepted(ctx, fl)
}

// processReject ends our follow (pending or not): the target refused it
// or removed us as a follower.
func (f *Federation) processReject(ctx context.Context, a *vocab.Activity) error {
	fl, err := f.answeredFollow(ctx, a)
	if err != nil || fl == nil {
		return err
	}
	return f.Service.RemoveFollow(ctx, fl)
}

// answeredFollow finds the follow of ours an Accept or Reject answers: by
// the Follow's id when we know it, else by the embedded Follow's actor
// (one of ours) and object (the sender). nil: not a Follow of ours (a
// GoToSocial ReplyRequest, say), which is ignored.
func (f *Federation) answeredFollow(ctx context.Context, a *vocab.Activity) (*corkboard.Follow, error) {
	obj := a.Object()
	if obj.IsEmbedded() && obj.Type != "Follow" {
		return nil, nil
	}
	sender, err := f.actorByIRI(ctx, a.Actor.ID)
	if err != nil {
		return nil, err
	}
	fl, err := f.Store.FollowByIRI(ctx, obj.ID)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND && obj.IsEmbedded() {
		fl, err = f.followFromEmbedded(ctx, obj, sender)
	}
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if !followTargets(fl, sender) {
		return nil, refuse("%s cannot answer a follow of someone else", a.Actor.ID)
	}
	return fl, nil
}

// followFromEmbedded finds our follow of sender by an embedded Follow's
// actor, which must be one of our people.
func (f *Federation) followFromEmbedded(ctx context.Context, obj vocab.Ref, sender *ResolvedActor) (*corkboard.Follow, error) {
	inner, err := obj.Activity()
	if err != nil {
		return nil, permanent(err)
	}
	follower, err := f.localActor(ctx, inner.Actor.ID)
	if err != nil || follower.Board != nil {
		return nil, corkboard.Errorf(corkboard.ENOTFOUND, "not a follow of ours")
	}
	if sender.Board != nil {
		return f.Store.FindFollow(ctx, follower.Account.ID, 0, sender.Board.ID)
	}
	return f.Store.FindFollow(ctx, follower.Account.ID, sender.Account.ID, 0)
}

// followTargets reports whether fl is a follow of the actor.
func followTargets(fl *corkboard.Follow, actor *ResolvedActor) bool {
	if actor.Board != nil {
		return fl.TargetBoardID == actor.Board.ID
	}
	return fl.TargetBoardID == 0 && fl.TargetAccountID == actor.Account.ID
}

// personSender resolves the activity's actor, which must be a person (or
// service), not a board.
func (f *Federation) personSender(ctx context.Context, a *vocab.Activity) (*corkboard.Account, error) {
	ra, err := f.actorByIRI(ctx, a.Actor.ID)
	if err != nil {
		return nil, err
	}
	if ra.Board != nil {
		return nil, refuse("a board cannot %s", a.Type)
	}
	return ra.Account, nil
}
