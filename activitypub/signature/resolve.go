package signature

import (
	"context"
	"crypto"
	"errors"
	"fmt"
)

// PublicKey is a remote actor's key, as published in its publicKey object.
type PublicKey struct {
	ID    string           // the key's id; must equal the keyId it was resolved from
	Owner string           // the actor that owns the key
	Key   crypto.PublicKey // *rsa.PublicKey or ed25519.PublicKey
}

// KeyResolver finds the key a signature's keyId names, usually from a cache
// and else by fetching the key document (checking that its id is keyID).
//
// refresh=true asks it to bypass the cache because the cached key did not
// verify: the actor may have rotated its key. Anyone can send a request that
// fails verification, so the resolver must rate-limit these refetches (per
// key or per host); when it declines, it returns the cached key or an error.
type KeyResolver interface {
	ResolveKey(ctx context.Context, keyID string, refresh bool) (*PublicKey, error)
}

// Result identifies the signer of a verified request. The caller must still
// check that Owner is the activity's actor.
type Result struct {
	KeyID string
	Owner string
}

// resolve asks keys for keyID and checks the answer is usable.
func resolve(ctx context.Context, keys KeyResolver, keyID string, refresh bool) (*PublicKey, error) {
	pk, err := keys.ResolveKey(ctx, keyID, refresh)
	switch {
	case err != nil && errors.Is(err, ErrKeyNotFound):
		return nil, fmt.Errorf("resolve key %q: %w", keyID, err)
	case err != nil:
		return nil, fmt.Errorf("resolve key %q: %w: %w", keyID, ErrKeyNotFound, err)
	case pk == nil || pk.Key == nil:
		return nil, fmt.Errorf("resolve key %q: %w: resolver returned no key", keyID, ErrKeyNotFound)
	case pk.ID != keyID:
		// Else a document could vouch for a key it does not name.
		return nil, fmt.Errorf("resolve key %q: %w: resolver returned key %q", keyID, ErrKeyNotFound, pk.ID)
	case pk.Owner == "":
		return nil, fmt.Errorf("resolve key %q: %w: key has no owner", keyID, ErrKeyNotFound)
	}
	return pk, nil
}

// sameKey reports whether a and b are the same public key.
func sameKey(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}
