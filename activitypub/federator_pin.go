package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
)

// The Federator turns local changes into deliveries. The Service calls
// each method inside the change's transaction with that transaction's
// Store (tx): every read goes through tx, and every delivery is enqueued
// through it, so deliveries commit with the change or not at all.

// PinCreated sends a new public pin: Create(Note) from its owner to the
// owner's remote followers (one delivery per server), and the board's
// Announce to the board's.
func (f *Federation) PinCreated(ctx context.Context, tx Store, p *corkboard.Pin) error {
	if p.Secret || p.IRI != "" {
		return nil
	}
	return wrap("federate new pin", f.publishPin(ctx, tx, p))
}

// PinUpdated sends an edited or moved pin. A pin that became secret is
// deleted where it was sent. One that never reached anyone (it just
// became public) is sent as new. Otherwise Update(Note) goes to everyone
// who has it or follows its owner or board, and the board announces it to
// its followers that never had it (it may have moved there).
func (f *Federation) PinUpdated(ctx context.Context, tx Store, p *corkboard.Pin) error {
	if p.IRI != "" {
		return nil
	}
	if p.Secret {
		return wrap("federate pin made secret", f.retractPin(ctx, tx, p, false))
	}
	received, err := tx.ObjectRecipients(ctx, f.pinIRI(p.ID))
	if err != nil {
		return wrap("federate pin update", err)
	}
	if len(received) == 0 {
		return wrap("federate pin update", f.publishPin(ctx, tx, p))
	}
	return wrap("federate pin update", f.updatePin(ctx, tx, p, received))
}

func (f *Federation) updatePin(ctx context.Context, tx Store, p *corkboard.Pin, received []string) error {
	owner, savedFrom, err := f.pinContext(ctx, tx, p)
	if err != nil {
		return err
	}
	ownerInboxes, err := tx.RemoteFollowerInboxes(ctx, owner.ID, 0)
	if err != nil {
		return err
	}
	boardInboxes, err := tx.RemoteFollowerInboxes(ctx, 0, p.BoardID)
	if err != nil {
		return err
	}
	body, err := f.pinUpdateJSON(p, owner, savedFrom)
	if err != nil {
		return err
	}
	err = f.send(ctx, tx, outgoing{signer: f.personIRI(owner.Username), body: body,
		inboxes: f.remoteInboxes(received, ownerInboxes, boardInboxes), object: f.pinIRI(p.ID)})
	if err != nil {
		return err
	}
	return f.announcePin(ctx, tx, p, received)
}

// PinDeleted sends Delete to every server that has the pin, and to the
// owner's and board's followers. A deleted copy of a remote pin also
// withdraws the Announce that told the original's server of the save.
func (f *Federation) PinDeleted(ctx context.Context, tx Store, p *corkboard.Pin) error {
	if p.IRI != "" {
		return nil
	}
	if err := f.retractPin(ctx, tx, p, !p.Secret); err != nil {
		return wrap("federate pin deletion", err)
	}
	return wrap("federate pin deletion", f.unannounceSave(ctx, tx, p))
}

// publishPin sends a pin to its owner's and its board's followers.
func (f *Federation) publishPin(ctx context.Context, tx Store, p *corkboard.Pin) error {
	owner, savedFrom, err := f.pinContext(ctx, tx, p)
	if err != nil {
		return err
	}
	inboxes, err := tx.RemoteFollowerInboxes(ctx, owner.ID, 0)
	if err != nil {
		return err
	}
	if len(inboxes) > 0 {
		body, err := f.pinCreateJSON(p, owner, savedFrom)
		if err != nil {
			return err
		}
		err = f.send(ctx, tx, outgoing{signer: f.personIRI(owner.Username), body: body, inboxes: inboxes, object: f.pinIRI(p.ID)})
		if err != nil {
			return err
		}
	}
	return f.announcePin(ctx, tx, p, nil)
}

// announcePin has the pin's board announce it to the board's followers,
// but for the inboxes in except (which have it already).
func (f *Federation) announcePin(ctx context.Context, tx Store, p *corkboard.Pin, except []string) error {
	inboxes, err := tx.RemoteFollowerInboxes(ctx, 0, p.BoardID)
	if err != nil {
		return err
	}
	inboxes = without(inboxes, except)
	if len(inboxes) == 0 {
		return nil
	}
	body, err := f.boardAnnounceJSON(p)
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: f.boardIRI(p.BoardID), body: body, inboxes: inboxes, object: f.pinIRI(p.ID)})
}

// retractPin sends Delete of a pin to the servers that received it and,
// with toFollowers, to the owner's and board's followers.
func (f *Federation) retractPin(ctx context.Context, tx Store, p *corkboard.Pin, toFollowers bool) error {
	pinIRI := f.pinIRI(p.ID)
	inboxes, err := tx.ObjectRecipients(ctx, pinIRI)
	if err != nil {
		return err
	}
	if toFollowers {
		for _, q := range [][2]int64{{p.AccountID, 0}, {0, p.BoardID}} {
			more, err := tx.RemoteFollowerInboxes(ctx, q[0], q[1])
			if err != nil {
				return err
			}
			inboxes = append(inboxes, more...)
		}
	}
	if len(inboxes) == 0 {
		return nil
	}
	owner, err := f.ownerOf(ctx, tx, p)
	if err != nil {
		return err
	}
	ownerIRI := f.personIRI(owner.Username)
	body, err := deleteJSON(ownerIRI, pinIRI)
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: ownerIRI, body: body, inboxes: inboxes})
}
