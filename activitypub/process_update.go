package activitypub

import (
	"context"

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

// updateNote applies an edit of a remote pin by its author. Notes we did
// not keep are not created by their Update.
func (f *Federation) updateNote(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	if !sameHost(ref.ID, a.Actor.ID) {
		return refuse("%s cannot update %s: it is not on the actor's server", a.Actor.ID, ref.ID)
	}
	pin, err := f.Store.PinByIRI(ctx, ref.ID)
	if err != nil {
		return ignoreNotFound(err)
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
