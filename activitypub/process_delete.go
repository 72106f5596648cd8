package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processDelete deletes a remote pin or comment (only its author's server
// can: the object must be on the actor's host, and ours must record the
// actor as its author) or, when an actor deletes itself, everything it
// brought. A tombstone is kept in every case, so that a Create arriving
// after its Delete does not bring the object back. Nothing is fetched: a
// deleted object (or actor) answers 410 anyway.
func (f *Federation) processDelete(ctx context.Context, a *vocab.Activity) error {
	id := a.Object().ID
	switch {
	case id == "":
		return permanent(corkboard.Errorf(corkboard.EINVALID, "Delete without an object"))
	case id == a.Actor.ID:
		return f.deleteActor(ctx, a)
	case !sameHost(id, a.Actor.ID):
		return refuse("%s cannot delete %s: it is not on the actor's server", a.Actor.ID, id)
	}
	if err := f.Store.AddTombstone(ctx, id, f.Now()); err != nil {
		return err
	}
	author, err := f.Store.AccountByIRI(ctx, a.Actor.ID)
	if err != nil {
		return ignoreNotFound(err) // we keep nothing of theirs
	}
	if pin, err := f.Store.PinByIRI(ctx, id); err == nil {
		if pin.AccountID != author.ID {
			return refuse("%s cannot delete a pin of someone else", a.Actor.ID)
		}
		return f.Service.DeleteRemotePin(ctx, pin)
	} else if corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		return err
	}
	if handled, err := f.deleteMessage(ctx, author, id); handled {
		return err
	}
	c, err := f.Store.CommentByIRI(ctx, id)
	if err != nil {
		return ignoreNotFound(err)
	}
	if c.AccountID != author.ID {
		return refuse("%s cannot delete a comment of someone else", a.Actor.ID)
	}
	return f.Service.DeleteRemoteComment(ctx, c)
}

// deleteActor removes what a deleted remote person brought (pins,
// comments, likes, shares, follows), or a deleted Group's board (its
// pins, the follows of it), and tombstones the actor. A Group is only
// the board: its owner and their other boards stay.
func (f *Federation) deleteActor(ctx context.Context, a *vocab.Activity) error {
	if err := f.Store.AddTombstone(ctx, a.Actor.ID, f.Now()); err != nil {
		return err
	}
	if b, err := f.Store.BoardByIRI(ctx, a.Actor.ID); err == nil {
		return f.Service.DeleteRemoteBoard(ctx, b)
	} else if corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		return err
	}
	acct, err := f.Store.AccountByIRI(ctx, a.Actor.ID)
	if err != nil {
		return ignoreNotFound(err)
	}
	return f.Service.PurgeRemoteAccount(ctx, acct.ID)
}
