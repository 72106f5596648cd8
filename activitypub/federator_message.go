package activitypub

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

var _ corkboard.MessageFederator = (*Federation)(nil)

// MessageSent sends one of our people's messages: Create(Note) to each
// remote participant. Messages are never recorded as sent objects, nor
// listed in outboxes or collections.
func (f *Federation) MessageSent(ctx context.Context, tx Store, c *corkboard.Conversation, members []*corkboard.Member, m *corkboard.Message) error {
	if m.IRI != "" {
		return nil // a received message is not ours to send
	}
	mn, err := f.messageNote(ctx, tx, c, members, m)
	if err != nil || !mn.sender.IsLocal() {
		return wrap("federate message", err)
	}
	senderIRI := f.personIRI(mn.sender.Username)
	to := make([]string, 0, len(mn.recipients))
	for _, r := range mn.recipients {
		to = append(to, f.accountIRI(r))
	}
	body, err := activity(vocab.ActivityInput{ID: createIRI(f.messageIRI(m.ID)), Type: "Create", Actor: senderIRI,
		ObjectJSON: mn.body, To: to, Published: m.CreatedAt})
	if err != nil {
		return wrap("federate message", err)
	}
	return wrap("federate message", f.send(ctx, tx, outgoing{signer: senderIRI, body: body, inboxes: personalInboxes(mn.recipients)}))
}

// MessageDeleted sends Delete(Tombstone) of one of our messages to the
// remote participants it went to, addressed to them only (a Delete to
// the public would tell everyone the message existed).
func (f *Federation) MessageDeleted(ctx context.Context, tx Store, c *corkboard.Conversation, members []*corkboard.Member, m *corkboard.Message) error {
	if m.IRI != "" {
		return nil
	}
	if members == nil {
		var err error
		if members, err = tx.Members(ctx, c.ID); err != nil {
			return wrap("federate message deletion", err)
		}
	}
	mn, err := f.messageNote(ctx, tx, c, members, m)
	if err != nil || !mn.sender.IsLocal() {
		return wrap("federate message deletion", err)
	}
	senderIRI, id := f.personIRI(mn.sender.Username), f.messageIRI(m.ID)
	to := make([]string, 0, len(mn.recipients))
	for _, r := range mn.recipients {
		to = append(to, f.accountIRI(r))
	}
	tombstone, err := json.Marshal(map[string]string{"id": id, "type": "Tombstone"})
	if err != nil {
		return wrap("federate message deletion", err)
	}
	body, err := activity(vocab.ActivityInput{ID: deleteIRI(id), Type: "Delete", Actor: senderIRI,
		ObjectJSON: tombstone, To: to})
	if err != nil {
		return wrap("federate message deletion", err)
	}
	return wrap("federate message deletion", f.send(ctx, tx, outgoing{signer: senderIRI, body: body, inboxes: personalInboxes(mn.recipients)}))
}

// AccountBlocked tells a remote person's server that one of ours blocks
// them (Mastodon and GoToSocial then hide each from the other). A block
// of a local person stays here.
func (f *Federation) AccountBlocked(ctx context.Context, tx Store, b *corkboard.Block) error {
	blocker, err := tx.AccountByID(ctx, b.BlockerID)
	if err != nil || !blocker.IsLocal() {
		return wrap("federate block", err)
	}
	target, err := tx.AccountByID(ctx, b.TargetID)
	if err != nil || target.IsLocal() {
		return wrap("federate block", err)
	}
	blockerIRI := f.personIRI(blocker.Username)
	body, err := activity(vocab.ActivityInput{ID: blockIRI(blockerIRI, target.ID), Type: "Block", Actor: blockerIRI,
		Object: target.IRI, To: []string{target.IRI}})
	if err != nil {
		return wrap("federate block", err)
	}
	return wrap("federate block", f.send(ctx, tx, outgoing{signer: blockerIRI, body: body, inboxes: []string{inboxOf(target)}}))
}

// blockIRI names a person's block of an account; an Undo can rebuild it.
func blockIRI(blockerIRI string, targetID int64) string {
	return blockerIRI + "#blocks/" + strconv.FormatInt(targetID, 10)
}

// personalInboxes are the remote recipients' own inboxes, never a shared
// one: a message delivered to a shared inbox must be shown only to the
// people it addresses, and some servers show it to more (or to nobody).
// Each recipient gets a copy of their own. A remote person without a
// personal inbox cannot receive messages.
//
// Pixelfed only understands one-to-one messages; finding out which
// software a recipient runs would take a NodeInfo fetch inside the
// sending transaction, so group messages go to Pixelfed as they are.
func personalInboxes(recipients []*corkboard.Account) []string {
	var out []string
	for _, r := range recipients {
		if !r.IsLocal() && r.InboxURL != "" {
			out = append(out, r.InboxURL)
		}
	}
	return out
}
