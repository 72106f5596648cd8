package activitypub

import (
	"context"
	"crypto/rsa"
	"fmt"
	"sync"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
)

// keyCache keeps parsed local private keys: parsing a PEM RSA key costs
// more than signing with it, and delivery signs constantly.
type keyCache struct {
	mu   sync.Mutex
	keys map[string]*localKey // by owner IRI
	gen  sync.Mutex           // one key generation at a time (it is slow)
}

type localKey struct {
	keyID     string
	private   *rsa.PrivateKey
	publicPEM string
}

func newKeyCache() *keyCache { return &keyCache{keys: map[string]*localKey{}} }

// localKey returns a local actor's key, generating and storing an RSA-2048
// key the first time the actor needs one (signing, or publishing its actor
// document). Generating lazily keeps account and board creation fast.
func (f *Federation) localKey(ctx context.Context, ownerIRI string) (*localKey, error) {
	if k := f.keys.get(ownerIRI); k != nil {
		return k, nil
	}
	f.keys.gen.Lock()
	defer f.keys.gen.Unlock()
	if k := f.keys.get(ownerIRI); k != nil {
		return k, nil
	}
	stored, err := f.Store.KeyByOwner(ctx, ownerIRI)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		stored, err = f.generateKey(ctx, ownerIRI)
	}
	if err != nil {
		return nil, fmt.Errorf("local key of %s: %w", ownerIRI, err)
	}
	priv, err := signature.ParsePrivateKeyPEM(stored.PrivateKeyPEM)
	if err != nil {
		return nil, fmt.Errorf("local key of %s: %w", ownerIRI, err)
	}
	k := &localKey{keyID: stored.KeyID, private: priv, publicPEM: stored.PublicKeyPEM}
	f.keys.put(ownerIRI, k)
	return k, nil
}

func (f *Federation) generateKey(ctx context.Context, ownerIRI string) (*corkboard.ActorKey, error) {
	priv, err := signature.GenerateKey()
	if err != nil {
		return nil, err
	}
	privPEM, err := signature.EncodePrivateKeyPEM(priv)
	if err != nil {
		return nil, err
	}
	pubPEM, err := signature.EncodePublicKeyPEM(&priv.PublicKey)
	if err != nil {
		return nil, err
	}
	now := f.Now()
	k := &corkboard.ActorKey{KeyID: f.keyIDFor(ownerIRI), OwnerIRI: ownerIRI, PublicKeyPEM: pubPEM,
		PrivateKeyPEM: privPEM, FetchedAt: now, CreatedAt: now}
	return k, f.Store.SaveKey(ctx, k)
}

// signer returns a request signer for a local actor.
func (f *Federation) signer(ctx context.Context, ownerIRI string) (*signature.Signer, error) {
	k, err := f.localKey(ctx, ownerIRI)
	if err != nil {
		return nil, err
	}
	return signature.NewSigner(k.keyID, k.private, f.Now)
}

func (c *keyCache) get(owner string) *localKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keys[owner]
}

func (c *keyCache) put(owner string, k *localKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys[owner] = k
}
