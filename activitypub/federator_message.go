package activitypub

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

var _ corkboard.MessageFederator = (*Federation)(nil)

// MessageSent sends one of our people's messages: Create(Note) to each
// remote participant, or, in a group, a one-recipient copy to each whose
// server understands only one-to-one messages (oneToOne). Messages are
// never recorded as sent objects, nor listed in outboxes or collections;
// copies are recorded with their recipient, so that a Delete finds them.
// A participant who blocks the sender gets nothing.
func (f *Federation) MessageSent(ctx context.Context, tx Store, c *corkboard.Conversation, members []*corkboard.Member, m *corkboard.Message) error {
	if m.IRI != "" {
		return nil // a received message is not ours to send
	}
	mn, err := f.messageNote(ctx, tx, c, members, m)
	if err != nil || !mn.sender.IsLocal() {
		return wrap("federate message", err)
	}
	copies, err := f.oneToOne(ctx, tx, mn.recipients)
	if err != nil {
		return wrap("federate message", err)
	}
	blockers, err := tx.BlockersAmong(ctx, mn.sender.ID, accountIDs(mn.recipients))
	if err != nil {
		return wrap("federate message", err)
	}
	senderIRI := f.personIRI(mn.sender.Username)
	to := make([]string, 0, len(mn.recipients))
	var group []*corkboard.Account
	for _, r := range mn.recipients {
		// Everyone stays addressed (the participants are the thread on
		// every server), but someone who blocks the sender is not sent it.
		to = append(to, f.accountIRI(r))
		if blockers[r.ID] {
			continue
		}
		if !copies[r.ID] {
			group = append(group, r)
		} else if err := f.sendCopy(ctx, tx, mn, r, senderIRI); err != nil {
			return wrap("federate message", err)
		}
	}
	body, err := activity(vocab.ActivityInput{ID: createIRI(f.messageIRI(m.ID)), Type: "Create", Actor: senderIRI,
		ObjectJSON: mn.body, To: to, Published: m.CreatedAt})
	if err != nil {
		return wrap("federate message", err)
	}
	return wrap("federate message", f.send(ctx, tx, outgoing{signer: senderIRI, body: body, inboxes: personalInboxes(group)}))
}

// sendCopy sends r their one-recipient copy of a message.
func (f *Federation) sendCopy(ctx context.Context, tx Store, mn *messageNote, r *corkboard.Account, senderIRI string) error {
	note, err := f.copyNote(mn, r)
	if err != nil {
		return fmt.Errorf("copy of message %d for %d: %w", mn.message.ID, r.ID, err)
	}
	id := f.messageCopyIRI(mn.message.ID, r.ID)
	body, err := activity(vocab.ActivityInput{ID: createIRI(id), Type: "Create", Actor: senderIRI,
		ObjectJSON: note, To: []string{f.accountIRI(r)}, Published: mn.message.CreatedAt})
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: senderIRI, body: body, inboxes: personalInboxes([]*corkboard.Account{r}), object: id})
}

// oneToOne picks the recipients of a group message (two or more) who get
// a copy of their own rather than the group Note: those whose server
// runs Pixelfed, as far as its last NodeInfo check tells (noteSoftware).
// The check happened when the person was resolved or last delivered to,
// never here: this runs inside the sending transaction.
func (f *Federation) oneToOne(ctx context.Context, tx Store, recipients []*corkboard.Account) (map[int64]bool, error) {
	if len(recipients) < 2 {
		return nil, nil
	}
	var hosts []string
	for _, r := range recipients {
		if !r.IsLocal() {
			hosts = append(hosts, r.Domain)
		}
	}
	software, err := tx.HostSoftwareOf(ctx, hosts)
	if err != nil {
		return nil, fmt.Errorf("software of recipients' hosts: %w", err)
	}
	out := make(map[int64]bool)
	for _, r := range recipients {
		if s := software[r.Domain]; !r.IsLocal() && s != nil && s.IsPixelfed() {
			out[r.ID] = true
		}
	}
	return out, nil
}

// MessageDeleted sends Delete(Tombstone) of one of our messages to the
// remote participants it went to, addressed to them only (a Delete to
// the public would tell everyone the message existed). A recipient who
// got a copy of their own gets the Delete of that copy instead.
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
	senderIRI := f.personIRI(mn.sender.Username)
	to := make([]string, 0, len(mn.recipients))
	var group []*corkboard.Account
	for _, r := range mn.recipients {
		to = append(to, f.accountIRI(r))
		copyIRI := f.messageCopyIRI(m.ID, r.ID)
		inboxes, err := f.copyInboxes(ctx, tx, mn, r, copyIRI)
		if err != nil {
			return wrap("federate message deletion", err)
		}
		if len(inboxes) == 0 {
			group = append(group, r)
		} else if err := f.sendDelete(ctx, tx, senderIRI, copyIRI, []string{f.accountIRI(r)}, inboxes); err != nil {
			return wrap("federate message deletion", err)
		}
	}
	return wrap("federate message deletion", f.sendDelete(ctx, tx, senderIRI, f.messageIRI(m.ID), to, personalInboxes(group)))
}

// copyInboxes are the inboxes that received r's copy of a message (none
// when r got the group Note). Copies exist only in groups of two or more.
func (f *Federation) copyInboxes(ctx context.Context, tx Store, mn *messageNote, r *corkboard.Account, copyIRI string) ([]string, error) {
	if r.IsLocal() || len(mn.recipients) < 2 {
		return nil, nil
	}
	return tx.ObjectRecipients(ctx, copyIRI)
}

// sendDelete sends Delete(Tombstone) of id, addressed to to.
func (f *Federation) sendDelete(ctx context.Context, tx Store, senderIRI, id string, to, inboxes []string) error {
	if len(inboxes) == 0 {
		return nil
	}
	tombstone, err := json.Marshal(map[string]string{"id": id, "type": "Tombstone"})
	if err != nil {
		return err
	}
	body, err := activity(vocab.ActivityInput{ID: deleteIRI(id), Type: "Delete", Actor: senderIRI,
		ObjectJSON: tombstone, To: to})
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: senderIRI, body: body, inboxes: inboxes})
}

// AccountBlocked tells a remote person's server that one of ours blocks
// them (Mastodon and GoToSocial then hide each from the other). A block
// of a local person stays here.
func (f *Federation) AccountBlocked(ctx context.Context, tx Store, b *corkboard.Block) error {
	blockerIRI, target, block, err := f.blockJSON(ctx, tx, b)
	if err != nil || block == nil {
		return wrap("federate block", err)
	}
	return wrap("federate block", f.send(ctx, tx, outgoing{signer: blockerIRI, body: block, inboxes: []string{inboxOf(target)}}))
}

// AccountUnblocked tells a remote person's server that one of ours lifted
// a block: an Undo embedding the Block it sent.
func (f *Federation) AccountUnblocked(ctx context.Context, tx Store, b *corkboard.Block) error {
	blockerIRI, target, block, err := f.blockJSON(ctx, tx, b)
	if err != nil || block == nil {
		return wrap("federate unblock", err)
	}
	body, err := undoJSON(blockerIRI, block)
	if err != nil {
		return wrap("federate unblock", err)
	}
	return wrap("federate unblock", f.send(ctx, tx, outgoing{signer: blockerIRI, body: body, inboxes: []string{inboxOf(target)}}))
}

// blockJSON builds the Block activity of one of our people's block of a
// remote person; nil when there is nothing to federate (a local target,
// or a remote blocker).
func (f *Federation) blockJSON(ctx context.Context, tx Store, b *corkboard.Block) (string, *corkboard.Account, []byte, error) {
	blocker, err := tx.AccountByID(ctx, b.BlockerID)
	if err != nil || !blocker.IsLocal() {
		return "", nil, nil, err
	}
	target, err := tx.AccountByID(ctx, b.TargetID)
	if err != nil || target.IsLocal() {
		return "", nil, nil, err
	}
	blockerIRI := f.personIRI(blocker.Username)
	body, err := activity(vocab.ActivityInput{ID: blockIRI(blockerIRI, target.ID, b.CreatedAt), Type: "Block", Actor: blockerIRI,
		Object: target.IRI, To: []string{target.IRI}})
	return blockerIRI, target, body, err
}

// blockIRI names one block of an account by a person; an Undo rebuilds
// it. The time tells blocks apart: the receiver tombstones an undone
// Block's id, so blocking again must use a new one.
func blockIRI(blockerIRI string, targetID int64, at time.Time) string {
	return blockerIRI + "#blocks/" + strconv.FormatInt(targetID, 10) + "/" + strconv.FormatInt(at.Unix(), 10)
}

// personalInboxes are the remote recipients' own inboxes, never a shared
// one: a message delivered to a shared inbox must be shown only to the
// people it addresses, and some servers show it to more (or to nobody).
// Each recipient gets a delivery of their own. A remote person without
// a personal inbox cannot receive messages.
func personalInboxes(recipients []*corkboard.Account) []string {
	var out []string
	for _, r := range recipients {
		if !r.IsLocal() && r.InboxURL != "" {
			out = append(out, r.InboxURL)
		}
	}
	return out
}

func accountIDs(as []*corkboard.Account) []int64 {
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}
