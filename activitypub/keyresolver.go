package activitypub

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// keyResolver resolves the keyId of an incoming signature: from memory,
// else from our records, else by fetching it from the signer's server.
type keyResolver struct{ f *Federation }

var _ signature.KeyResolver = keyResolver{}

// ResolveKey implements signature.KeyResolver. refresh=true (the cached
// key failed to verify: the actor may have rotated it) refetches, at
// most once per key per refetchWindow, since anyone can send a request
// that fails verification.
func (k keyResolver) ResolveKey(ctx context.Context, keyID string, refresh bool) (*signature.PublicKey, error) {
	f := k.f
	if err := f.checkSuspended(ctx, keyID); err != nil {
		return nil, err
	}
	if refresh && f.inbound.refetch.allow(keyID, f.Now()) {
		if err := f.fetchKey(ctx, keyID); err != nil {
			return nil, fmt.Errorf("refetch key %s: %w", keyID, err)
		}
		f.inbound.keys.forget(keyID)
	}
	if pk := f.inbound.keys.get(keyID); pk != nil {
		return pk, nil
	}
	pk, err := f.storedKey(ctx, keyID)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND && !refresh {
		f.inbound.refetch.allow(keyID, f.Now()) // just fetched: no refetch right after
		if err := f.fetchKey(ctx, keyID); err != nil {
			return nil, fmt.Errorf("fetch key %s: %w: %w", keyID, signature.ErrKeyNotFound, err)
		}
		pk, err = f.storedKey(ctx, keyID)
	}
	if err != nil {
		return nil, fmt.Errorf("key %s: %w: %w", keyID, signature.ErrKeyNotFound, err)
	}
	f.inbound.keys.put(pk)
	return pk, nil
}

// storedKey loads and parses a key from our records.
func (f *Federation) storedKey(ctx context.Context, keyID string) (*signature.PublicKey, error) {
	stored, err := f.Store.KeyByID(ctx, keyID)
	if err != nil {
		return nil, err
	}
	key, err := signature.ParsePublicKeyPEM(stored.PublicKeyPEM)
	if err != nil {
		return nil, permanent(fmt.Errorf("key %s: %w", keyID, err))
	}
	return &signature.PublicKey{ID: stored.KeyID, Owner: stored.OwnerIRI, Key: key}, nil
}

// fetchKey fetches the document a keyId names and stores its owner with
// the owner's keys, the way Mastodon does. The keyId (without fragment)
// is usually the actor itself ("…/users/alice#main-key"); GoToSocial
// serves a separate key document whose id is its owner, which we then
// fetch by its own id; some servers serve a key object with an owner. In
// every case the key is only believed as listed by an actor document
// fetched from the actor's own id.
func (f *Federation) fetchKey(ctx context.Context, keyID string) error {
	u, err := url.Parse(keyID)
	if err != nil {
		return permanent(fmt.Errorf("key id %q: %w", keyID, err))
	}
	u.Fragment, u.RawFragment = "", ""
	doc, err := f.fetchDocument(ctx, u.String(), false)
	if err != nil {
		return err
	}
	switch {
	case vocab.KindOf(doc.Type) == vocab.KindActor && doc.ID == doc.URL:
		_, err = f.storeActor(ctx, doc.Body)
	case vocab.KindOf(doc.Type) == vocab.KindActor:
		_, err = f.FetchActor(ctx, doc.ID)
	default:
		var k vocab.PublicKey
		if json.Unmarshal(doc.Body, &k) != nil || k.Owner == "" || k.ID != doc.ID {
			return permanent(fmt.Errorf("key %s: neither an actor nor a key", keyID))
		}
		_, err = f.FetchActor(ctx, k.Owner)
	}
	return err
}

// pruneKeys forgets the keys of an actor that its freshly stored document
// no longer publishes (kept): after a rotation the old key must stop
// verifying, and a key id not renamed would otherwise stay valid in our
// records forever. A document publishing no usable key says nothing about
// the old ones (a partial embedded copy, a broken PEM): they are kept.
func (f *Federation) pruneKeys(ctx context.Context, owner string, kept []string) error {
	if len(kept) == 0 {
		return nil
	}
	pruned, err := f.Store.PruneRemoteKeys(ctx, owner, kept)
	if err != nil {
		return fmt.Errorf("store actor %s: prune keys: %w", owner, err)
	}
	for _, id := range pruned {
		f.inbound.keys.forget(id)
	}
	return nil
}
