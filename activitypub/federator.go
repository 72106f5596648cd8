package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
)

// Helpers shared by the Federator's methods (federator_*.go).

// pinContext loads what a pin's Note names: its owner, and the pin it was
// saved from (when that one may be named).
func (f *Federation) pinContext(ctx context.Context, tx Store, p *corkboard.Pin) (*corkboard.Account, string, error) {
	owner, err := f.ownerOf(ctx, tx, p)
	if err != nil || p.SavedFromID == 0 {
		return owner, "", err
	}
	orig := p.SavedFrom
	if orig == nil || orig.ID != p.SavedFromID {
		if orig, err = tx.PinByID(ctx, p.SavedFromID); corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
			return owner, "", nil
		} else if err != nil {
			return nil, "", err
		}
	}
	return owner, f.savedFromIRI(orig), nil
}

// ownerOf returns a pin's owner, loaded through tx unless already there.
func (f *Federation) ownerOf(ctx context.Context, tx Store, p *corkboard.Pin) (*corkboard.Account, error) {
	if p.Account != nil && p.Account.ID == p.AccountID {
		return p.Account, nil
	}
	return tx.AccountByID(ctx, p.AccountID)
}

// inboxOf is where to deliver to one remote actor: its own inbox, which
// tells the receiver whom the activity is for.
func inboxOf(a *corkboard.Account) string {
	if a.InboxURL != "" {
		return a.InboxURL
	}
	return a.SharedInboxURL
}

// without returns the inboxes not in except.
func without(inboxes, except []string) []string {
	skip := make(map[string]bool, len(except))
	for _, e := range except {
		skip[e] = true
	}
	out := inboxes[:0:0]
	for _, in := range inboxes {
		if !skip[in] {
			out = append(out, in)
		}
	}
	return out
}

// wrap names the Federator operation that failed.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
