package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// FetchObject fetches a remote object (a Note) from where it lives, with
// the same checks as actors: ActivityStreams content type, size cap, and
// an id equal to its URL.
func (f *Federation) FetchObject(ctx context.Context, iri string) (*vocab.Object, error) {
	doc, err := f.fetchDocument(ctx, iri, true)
	if err != nil {
		return nil, err
	}
	if vocab.KindOf(doc.Type) != vocab.KindObject {
		return nil, permanent(fmt.Errorf("fetch object %s: type %q is not an object", iri, doc.Type))
	}
	o, err := vocab.DecodeObject(doc.Body)
	if err != nil {
		return nil, permanent(fmt.Errorf("fetch object %s: %w", iri, err))
	}
	return o, nil
}

// A forward is an activity delivered by someone other than its actor:
// Mastodon forwards a reply to the followers of the account replied to,
// signed over HTTP by that account and by the author only with a
// Linked-Data signature, which we do not verify. The inbox takes only
// forwarded Creates (forwardable, verify.go); their processing believes
// nothing the forwarder could have written: the object is fetched from
// its origin, never taken from the payload (objectOf). A message is never
// taken from a forward (processDirectNote): Mastodon forwards public and
// unlisted replies only, and the inbox a forward came through was the
// forwarder's choice, not the author's.

// forwardedKey marks the context of a forwarded activity's processing.
type forwardedKey struct{}

// isForwarded reports whether ctx processes a forwarded activity.
func isForwarded(ctx context.Context) bool {
	fwd, _ := ctx.Value(forwardedKey{}).(bool)
	return fwd
}

// forwardContext returns ctx marked for a forward when the stored
// activity's signer is not its actor. Only a Create is applied; anything
// else (the inbox refuses it already) is refused.
func (f *Federation) forwardContext(ctx context.Context, stored *corkboard.InboxActivity, a *vocab.Activity) (context.Context, error) {
	if stored.SignerKeyID == "" {
		return ctx, nil // not received by the inbox (a test's): its actor's own
	}
	owner, err := f.signerOwner(ctx, stored.SignerKeyID)
	if err != nil || owner == a.Actor.ID {
		return ctx, err
	}
	if a.Type != "Create" {
		return ctx, refuse("%s %s was forwarded by %s: only a Create is taken from a forward", a.Type, a.ID, owner)
	}
	return context.WithValue(ctx, forwardedKey{}, true), nil
}

// signerOwner returns the actor whose key signed a delivery: from the
// parsed keys in memory (the inbox just used it), else from our records.
// A key no longer known (pruned since) has no owner: its activity is
// treated as a forward, whose processing trusts less.
func (f *Federation) signerOwner(ctx context.Context, keyID string) (string, error) {
	if pk := f.inbound.keys.get(keyID); pk != nil {
		return pk.Owner, nil
	}
	k, err := f.Store.KeyByID(ctx, keyID)
	switch {
	case corkboard.ErrorCode(err) == corkboard.ENOTFOUND:
		return "", nil
	case err != nil:
		return "", fmt.Errorf("signer of the activity: %w", err)
	}
	return k.OwnerIRI, nil
}
