package activitypub_test

import (
	"bytes"
	"crypto/rsa"
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestKeyRotation: a remote actor's key is cached after its first
// delivery; the actor then rotates it, under a new key id or the same one,
// and we learn so by a refresh (a request signed with the new key, or an
// Update of the actor). From then on a request signed with the old key is
// refused and one signed with the new key accepted.
func TestKeyRotation(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testKeyRotation(t, kind) })
	}
}

func testKeyRotation(t *testing.T, kind string) {
	w := newInboundWorld(t, servertest.Options{Kind: kind}, "remote.example")
	stub := w.stubs["remote.example"]
	oldKey, newKey := stub.key, rotatedKey(t)
	newPEM, err := signature.EncodePublicKeyPEM(&newKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	inbox := w.in.URL + "/inbox"
	pinIRI := w.fedPinIRI(w.pin.ID)
	n := 0
	deliver := func(actor, keyID string, key *rsa.PrivateKey) int {
		t.Helper()
		n++
		body := mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams",
			"id": actor + "/likes/" + string(rune('a'+n)), "type": "Like", "actor": actor, "object": pinIRI})
		status, err := send(signedWith(t, key, inbox, keyID, body))
		if err != nil {
			t.Fatal(err)
		}
		return status
	}
	// actorDoc is a Person publishing one key.
	actorDoc := func(name, keyID, pemKey string) map[string]any {
		id := stub.URL + "/users/" + name
		return map[string]any{"@context": []string{"https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"},
			"id": id, "type": "Person", "preferredUsername": name, "inbox": id + "/inbox",
			"publicKey": map[string]string{"id": keyID, "owner": id, "publicKeyPem": pemKey}}
	}
	tests := []struct {
		name     string
		newKeyID func(actor string) string
		// refresh makes us learn of the new key; it returns the id the
		// new key is used under.
		refresh func(t *testing.T, actor, newID string)
	}{
		{"new key id, learnt from a request signed with it", func(a string) string { return a + "#key-2" },
			func(t *testing.T, actor, newID string) {
				if status := deliver(actor, newID, newKey); status != http.StatusAccepted {
					t.Fatalf("new key: status %d, want 202", status)
				}
			}},
		{"same key id, new PEM, learnt from a request signed with it", func(a string) string { return a + "#main-key" },
			func(t *testing.T, actor, newID string) {
				if status := deliver(actor, newID, newKey); status != http.StatusAccepted {
					t.Fatalf("new key: status %d, want 202", status)
				}
			}},
		{"new key id, learnt from an Update of the actor", func(a string) string { return a + "#key-2" },
			func(t *testing.T, actor, newID string) {
				name := actor[len(stub.URL+"/users/"):]
				id := actor + "#updates/1"
				w.post(stub, actor, inbox, mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams",
					"id": id, "type": "Update", "actor": actor, "object": actorDoc(name, newID, newPEM)}))
				if a := w.processed(id); a.LastError != "" {
					t.Fatalf("Update refused: %s", a.LastError)
				}
			}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "rot" + string(rune('1'+i))
			actor := stub.URL + "/users/" + name
			oldID, newID := actor+"#main-key", tt.newKeyID(actor)
			stub.serve("/users/"+name, mustJSON(t, actorDoc(name, oldID, stub.personKeyPEM())))
			if status := deliver(actor, oldID, oldKey); status != http.StatusAccepted {
				t.Fatalf("before the rotation: status %d, want 202", status)
			}
			// Keys rotate long after they were first fetched: past the
			// window in which a key is not refetched again.
			w.in.Clock.Advance(11 * time.Minute)
			stub.serve("/users/"+name, mustJSON(t, actorDoc(name, newID, newPEM)))
			tt.refresh(t, actor, newID)
			if status := deliver(actor, oldID, oldKey); status != http.StatusUnauthorized {
				t.Errorf("old key after the rotation: status %d, want 401", status)
			}
			if status := deliver(actor, newID, newKey); status != http.StatusAccepted {
				t.Errorf("new key after the rotation: status %d, want 202", status)
			}
			if oldID != newID {
				if k, err := w.store.KeyByID(w.ctx, oldID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
					t.Errorf("the old key is still stored: %+v, %v", k, err)
				}
			}
		})
	}
}

// rotatedKey is a second key pair, the actor's new one.
func rotatedKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	k, err := signature.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// signedWith builds a POST of body to target signed by keyID with key.
func signedWith(t *testing.T, key *rsa.PrivateKey, target, keyID string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/activity+json")
	signer, err := signature.NewSigner(keyID, key, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := signer.Sign(req, body); err != nil {
		t.Fatal(err)
	}
	return req
}
