package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// PinSaved sends a saved copy like a new pin. Saving a remote pin also
// tells its author's server, with the saver's Announce of the original:
// there, the save counts as a boost.
func (f *Federation) PinSaved(ctx context.Context, tx Store, saver *corkboard.Account, orig, copy *corkboard.Pin) error {
	if copy.Secret || copy.IRI != "" {
		return nil
	}
	if err := f.publishPin(ctx, tx, copy); err != nil {
		return wrap("federate save", err)
	}
	if orig.IRI == "" || !saver.IsLocal() {
		return nil
	}
	author, err := tx.AccountByID(ctx, orig.AccountID)
	if err != nil {
		return wrap("federate save", err)
	}
	body, err := f.saveAnnounceJSON(saver, copy, orig.IRI, author)
	if err != nil {
		return wrap("federate save", err)
	}
	return wrap("federate save", f.send(ctx, tx, outgoing{signer: f.personIRI(saver.Username), body: body,
		inboxes: []string{inboxOf(author)}}))
}

// saveAnnounceJSON is a saver's Announce of the remote pin they saved,
// built the same way each time so that an Undo can rebuild it.
func (f *Federation) saveAnnounceJSON(saver *corkboard.Account, copy *corkboard.Pin, origIRI string, author *corkboard.Account) ([]byte, error) {
	saverIRI := f.personIRI(saver.Username)
	return activity(vocab.ActivityInput{ID: f.pinIRI(copy.ID) + "#announce", Type: "Announce", Actor: saverIRI,
		Object: origIRI, To: []string{vocab.PublicCollection}, Cc: []string{f.accountIRI(author), saverIRI + "/followers"},
		Published: copy.CreatedAt})
}

// unannounceSave withdraws the Announce sent when p was saved from a
// remote pin.
func (f *Federation) unannounceSave(ctx context.Context, tx Store, p *corkboard.Pin) error {
	if p.SavedFromID == 0 {
		return nil
	}
	orig, err := tx.PinByID(ctx, p.SavedFromID)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND || (err == nil && orig.IRI == "") {
		return nil
	} else if err != nil {
		return err
	}
	saver, err := f.ownerOf(ctx, tx, p)
	if err != nil {
		return err
	}
	author, err := tx.AccountByID(ctx, orig.AccountID)
	if err != nil {
		return err
	}
	announce, err := f.saveAnnounceJSON(saver, p, orig.IRI, author)
	if err != nil {
		return err
	}
	saverIRI := f.personIRI(saver.Username)
	body, err := undoJSON(saverIRI, announce)
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: saverIRI, body: body, inboxes: []string{inboxOf(author)}})
}
