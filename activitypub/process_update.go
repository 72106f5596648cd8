package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processUpdate refreshes an actor (only the actor itself may update it)
// or a remote pin's text (only its author may).
func (f *Federation) processUpdate(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	if ref.ID == a.Actor.ID || vocab.KindOf(ref.Type) == vocab.KindActor {
		return f.updateActor(ctx, a)
	}
	return f.updateNote(ctx, a)
}

// updateActor stores the actor's new document: the embedded one, which
// the actor signed and which is its own, else a fresh fetch.
func (f *Federation) updateActor(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	if ref.ID != a.Actor.ID {
		return refuse("%s cannot update the actor %s", a.Actor.ID, ref.ID)
	}
	if !ref.IsEmbedded() {
		_, err := f.FetchActor(ctx, ref.ID)
		return err
	}
	doc, err := ref.Actor()
	if err != nil {
		return permanent(err)
	}
	if doc.ID != a.Actor.ID {
		return refuse("%s cannot update the actor %s", a.Actor.ID, doc.ID)
	}
	_, err = f.storeActor(ctx, ref.Raw)
	return err
}

// updateNote applies an edit of a remote pin or comment by its author.
// Notes we did not keep are not created by their Update.
func (f *Federation) updateNote(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	if !sameHost(ref.ID, a.Actor.ID) {
		return refuse("%s cannot update %s: it is not on the actor's server", a.Actor.ID, ref.ID)
	}
	pin, err := f.Store.PinByIRI(ctx, ref.ID)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return f.updateComment(ctx, a)
	}
	if err != nil {
		return err
	}
	author, err := f.Store.AccountByIRI(ctx, a.Actor.ID)
	if err != nil || author.ID != pin.AccountID {
		return refuse("%s cannot update a pin of someone else", a.Actor.ID)
	}
	o, err := f.objectOf(ctx, a)
	if err != nil {
		return err
	}
	if o.ID != pin.IRI || o.Author() != a.Actor.ID {
		return refuse("%s: the updated object is not %s's %s", a.ID, a.Actor.ID, pin.IRI)
	}
	edit := pinFrom(o)
	pin.Title, pin.Description, pin.AltText, pin.Link, pin.Tags = edit.Title, edit.Description, edit.AltText, edit.Link, edit.Tags
	return f.Service.UpdateRemotePin(ctx, pin)
}

// updateComment applies an edit of a remote comment, with the checks of
// its Delete (process_delete.go): the Note is on the actor's server
// (checked by updateNote) and ours records the actor as its author. Its
// text is reduced to plain text as on Create. A deleted comment stays
// deleted: its tombstone outlives the row, and an Update racing its
// Delete must not matter.
func (f *Federation) updateComment(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	if gone, err := f.Store.IsTombstoned(ctx, ref.ID); err != nil || gone {
		return err
	}
	c, err := f.Store.CommentByIRI(ctx, ref.ID)
	if err != nil {
		return ignoreNotFound(err)
	}
	author, err := f.Store.AccountByIRI(ctx, a.Actor.ID)
	if err != nil || author.ID != c.AccountID {
		return refuse("%s cannot update a comment of someone else", a.Actor.ID)
	}
	o, err := f.objectOf(ctx, a)
	if err != nil {
		return err
	}
	if o.ID != c.IRI || o.Author() != a.Actor.ID {
		return refuse("%s: the updated object is not %s's %s", a.ID, a.Actor.ID, c.IRI)
	}
	return f.Service.UpdateRemoteComment(ctx, c, htmlText(o.Content))
}
