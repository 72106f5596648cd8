package activitypub

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// ProfileUpdated sends Update(Person) to the servers that follow the
// person or one of their boards (those show the person as the boards'
// owner).
func (f *Federation) ProfileUpdated(ctx context.Context, tx Store, a *corkboard.Account) error {
	if !a.IsLocal() {
		return nil
	}
	inboxes, err := tx.RemoteFollowerInboxes(ctx, a.ID, 0)
	if err != nil {
		return wrap("federate profile", err)
	}
	boards, err := tx.ListBoards(ctx, a.ID, false)
	if err != nil {
		return wrap("federate profile", err)
	}
	for _, b := range boards {
		more, err := tx.RemoteFollowerInboxes(ctx, 0, b.ID)
		if err != nil {
			return wrap("federate profile", err)
		}
		inboxes = append(inboxes, more...)
	}
	if len(f.remoteInboxes(inboxes)) == 0 {
		return nil
	}
	id := f.personIRI(a.Username)
	pem, ok, err := f.publishedKey(ctx, tx, id)
	if err != nil || !ok {
		return wrap("federate profile", err)
	}
	doc, err := f.personJSON(a, pem, false)
	if err != nil {
		return wrap("federate profile", err)
	}
	return wrap("federate profile", f.sendUpdate(ctx, tx, id, a.UpdatedAt, doc, inboxes, ""))
}

// BoardUpdated sends Update(Group) to a public board's followers. A board
// made secret is deleted instead, with its pins, wherever they went.
func (f *Federation) BoardUpdated(ctx context.Context, tx Store, b *corkboard.Board) error {
	if b.IRI != "" {
		return nil
	}
	if b.Secret {
		return wrap("federate board made secret", f.retractBoard(ctx, tx, b))
	}
	id := f.boardIRI(b.ID)
	followers, err := tx.RemoteFollowerInboxes(ctx, 0, b.ID)
	if err != nil {
		return wrap("federate board update", err)
	}
	received, err := tx.ObjectRecipients(ctx, id)
	if err != nil {
		return wrap("federate board update", err)
	}
	inboxes := f.remoteInboxes(followers, received)
	if len(inboxes) == 0 {
		return nil
	}
	pem, ok, err := f.publishedKey(ctx, tx, id)
	if err != nil || !ok {
		return wrap("federate board update", err)
	}
	if b.Account == nil {
		if b.Account, err = tx.AccountByID(ctx, b.AccountID); err != nil {
			return wrap("federate board update", err)
		}
	}
	doc, err := f.groupJSON(b, pem, false)
	if err != nil {
		return wrap("federate board update", err)
	}
	return wrap("federate board update", f.sendUpdate(ctx, tx, id, b.UpdatedAt, doc, inboxes, id))
}

// BoardDeleted sends Delete of the board's Group to its followers, and of
// each of its pins to the servers that have them.
func (f *Federation) BoardDeleted(ctx context.Context, tx Store, b *corkboard.Board) error {
	if b.IRI != "" {
		return nil
	}
	return wrap("federate board deletion", f.retractBoard(ctx, tx, b))
}

// sendUpdate sends Update of an actor document, signed by the actor.
func (f *Federation) sendUpdate(ctx context.Context, tx Store, actorIRI string, at time.Time, doc []byte, inboxes []string, object string) error {
	body, err := activity(vocab.ActivityInput{ID: updateIRI(actorIRI, at), Type: "Update", Actor: actorIRI,
		ObjectJSON: doc, To: []string{vocab.PublicCollection}})
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: actorIRI, body: body, inboxes: inboxes, object: object})
}

// retractBoard deletes a board's Group where it is known, then each of
// its pins where it went. Deleting an actor names it by IRI (Mastodon and
// Pixelfed recognise an actor's self-deletion that way), signed with the
// board's own key.
func (f *Federation) retractBoard(ctx context.Context, tx Store, b *corkboard.Board) error {
	id := f.boardIRI(b.ID)
	followers, err := tx.RemoteFollowerInboxes(ctx, 0, b.ID)
	if err != nil {
		return err
	}
	received, err := tx.ObjectRecipients(ctx, id)
	if err != nil {
		return err
	}
	if inboxes := f.remoteInboxes(followers, received); len(inboxes) > 0 {
		body, err := activity(vocab.ActivityInput{ID: deleteIRI(id), Type: "Delete", Actor: id, Object: id,
			To: []string{vocab.PublicCollection}})
		if err != nil {
			return err
		}
		if err := f.send(ctx, tx, outgoing{signer: id, body: body, inboxes: inboxes}); err != nil {
			return err
		}
	}
	for before := int64(0); ; {
		pins, err := tx.ListPins(ctx, corkboard.PinQuery{BoardID: b.ID, ViewerID: b.AccountID, BeforeID: before, Limit: 500})
		if err != nil || len(pins) == 0 {
			return err
		}
		for _, p := range pins {
			if err := f.retractPin(ctx, tx, p, false); err != nil {
				return err
			}
		}
		before = pins[len(pins)-1].ID
	}
}

// publishedKey returns the public key a local actor publishes, read
// through tx. ok is false when the actor has no key yet: then no server
// has fetched its document, so none follows it and there is no one to
// update. It never generates a key: that would write outside the
// transaction, which SQLite's single writer would make wait for itself.
func (f *Federation) publishedKey(ctx context.Context, tx Store, actorIRI string) (string, bool, error) {
	if k := f.keys.get(actorIRI); k != nil {
		return k.publicPEM, true, nil
	}
	k, err := tx.KeyByOwner(ctx, actorIRI)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		f.Log.Warn("no key yet to publish an update with", "actor", actorIRI)
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return k.PublicKeyPEM, true, nil
}
