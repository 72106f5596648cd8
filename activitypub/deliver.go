package activitypub

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/riverqueue/river"
)

// deliveryMaxAttempts spans about two days with the default retry
// schedule (see DeliveryOptions).
const deliveryMaxAttempts = 16

// DeliverArgs is one delivery job: one activity to one inbox. Body is the
// activity serialized once and shared by every recipient's job; it is
// signed when sent, not when enqueued, because a signature carries a Date
// that receivers accept for an hour at most.
type DeliverArgs struct {
	Inbox     string          `json:"inbox"`
	Body      json.RawMessage `json:"body"`
	SignerIRI string          `json:"signer"` // the local actor whose key signs: the activity's actor
}

// Kind implements river.JobArgs and corkboard.Job.
func (DeliverArgs) Kind() string { return "deliver" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: deliveryQueue, MaxAttempts: deliveryMaxAttempts}
}

// outgoing is one activity on its way to some inboxes.
type outgoing struct {
	signer  string // the activity's actor, whose key signs it
	body    []byte
	inboxes []string
	// object is recorded as received by the inboxes, so that its Delete
	// later reaches every server that has it; "" records nothing.
	object string
}

// send enqueues one delivery per remote inbox through tx, the Store of
// the transaction making the change: the deliveries exist if and only if
// the change commits. Inboxes are deduplicated, and ours are skipped (our
// own people see the change locally).
func (f *Federation) send(ctx context.Context, tx Store, o outgoing) error {
	inboxes := f.remoteInboxes(o.inboxes)
	if len(inboxes) == 0 {
		return nil
	}
	jobs := make([]corkboard.Job, len(inboxes))
	for i, inbox := range inboxes {
		jobs[i] = DeliverArgs{Inbox: inbox, Body: o.body, SignerIRI: o.signer}
	}
	if err := tx.Enqueue(ctx, jobs...); err != nil {
		return fmt.Errorf("send activity of %s: %w", o.signer, err)
	}
	if o.object == "" {
		return nil
	}
	if err := tx.RecordRecipients(ctx, o.object, inboxes); err != nil {
		return fmt.Errorf("send activity of %s: %w", o.signer, err)
	}
	return nil
}

// remoteInboxes merges inbox lists without duplicates, empties or ours.
func (f *Federation) remoteInboxes(lists ...[]string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, list := range lists {
		for _, inbox := range list {
			if inbox != "" && !seen[inbox] && !f.isLocal(inbox) {
				seen[inbox] = true
				out = append(out, inbox)
			}
		}
	}
	return out
}
