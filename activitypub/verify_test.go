package activitypub_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestSignedGETVerification: with authorized fetch on, documents need a GET
// signed over (request-target) host date by a resolvable actor; a
// suspended signer gets 403. A pin's IRI, routed to its document by
// content negotiation, verifies against the path as sent.
func TestSignedGETVerification(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{Modify: func(c *server.Config) { c.AuthorizedFetch = true }}, "remote.example")
	stub := w.stubs["remote.example"]
	bob := stub.person("bob", "Bob")
	pinIRI := w.fedPinIRI(w.pin.ID)
	get := func(target, keyID string) int {
		t.Helper()
		r, _ := http.NewRequest(http.MethodGet, target, nil)
		r.Header.Set("Accept", "application/activity+json")
		if keyID != "" {
			s, err := signature.NewSigner(keyID, stub.key, time.Now)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Sign(r, nil); err != nil {
				t.Fatal(err)
			}
		}
		status, err := send(r)
		if err != nil {
			t.Fatal(err)
		}
		return status
	}
	followers := w.in.URL + "/users/carol/followers"
	for _, tt := range []struct {
		name, target, keyID string
		want                int
	}{
		{"unsigned collection", followers, "", http.StatusUnauthorized},
		{"signed collection", followers, bob + "#main-key", http.StatusOK},
		{"unsigned pin", pinIRI, "", http.StatusUnauthorized},
		{"signed pin", pinIRI, bob + "#main-key", http.StatusOK},
		{"unknown key", followers, stub.URL + "/users/nobody#other-key", http.StatusUnauthorized},
	} {
		if got := get(tt.target, tt.keyID); got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
	}
	if _, err := w.svc.BlockDomain(w.ctx, stub.Host, corkboard.SeveritySuspend, ""); err != nil {
		t.Fatal(err)
	}
	if got := get(followers, bob+"#main-key"); got != http.StatusForbidden {
		t.Errorf("suspended signer: status %d, want 403", got)
	}
}
