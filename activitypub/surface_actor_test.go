package activitypub_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
)

func TestActorDocuments(t *testing.T) {
	s := newSite(t, nil)
	if err := s.Service().UpdateProfile(s.ctx, s.alice, "Alice A.", "I pin things.\n<tarts> & pies\n\nSee https://alice.example"); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, url, golden string }{
		{"person", s.aliceIRI, "actor-person.json"},
		{"board", s.boardIRI, "actor-group.json"},
		{"instance", s.URL + "/actor", "actor-instance.json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, body := s.document(t, tc.url)
			checkGolden(t, tc.golden, normalize(t, body, s.URL))
			// Fedify drops publicKey unless security/v1 defines it.
			ctx, _ := doc["@context"].([]any)
			key, _ := doc["publicKey"].(map[string]any)
			if !slices.Contains(ctx, any("https://w3id.org/security/v1")) || key["owner"] != tc.url || key["id"] != tc.url+"#main-key" {
				t.Fatalf("@context %v, publicKey %v", ctx, key)
			}
			if _, err := signature.ParsePublicKeyPEM(key["publicKeyPem"].(string)); err != nil {
				t.Fatal(err)
			}
		})
	}
	// The key published is the key kept: serving the document again,
	// from the cache, changes nothing.
	_, first := s.document(t, s.aliceIRI)
	_, again := s.document(t, s.aliceIRI)
	if string(first) != string(again) {
		t.Error("the person document changed between two requests")
	}
}

// TestActorNegotiation: an actor's IRI sends browsers to its page and
// answers ActivityPub clients with the document; a pin's page is the
// reverse.
func TestActorNegotiation(t *testing.T) {
	s := newSite(t, nil)
	p := s.pin(t, s.alice, s.recipes, "Lemon tart")
	cases := []struct {
		name, url, accept string
		status            int
		location, ctype   string
	}{
		{"person, browser", s.aliceIRI, "text/html,application/xhtml+xml", http.StatusFound, s.aliceHTML, ""},
		{"person, no Accept", s.aliceIRI, "", http.StatusFound, s.aliceHTML, ""},
		{"person, activity+json", s.aliceIRI, as2, http.StatusOK, "", "application/activity+json; charset=utf-8"},
		{"person, ld+json profile", s.aliceIRI, `application/ld+json; profile="https://www.w3.org/ns/activitystreams"`, http.StatusOK, "", "application/activity+json; charset=utf-8"},
		{"board, browser", s.boardIRI, "text/html", http.StatusFound, s.recipesHTML, ""},
		{"pin, browser", pinURL(s.Instance, p), "text/html", http.StatusOK, "", "text/html; charset=UTF-8"},
		{"pin, activity+json", pinURL(s.Instance, p), as2, http.StatusOK, "", "application/activity+json; charset=utf-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := s.get(t, tc.url, tc.accept)
			if resp.StatusCode != tc.status || resp.Header.Get("Location") != tc.location ||
				(tc.ctype != "" && resp.Header.Get("Content-Type") != tc.ctype) {
				t.Fatalf("%d, Location %q, Content-Type %q", resp.StatusCode, resp.Header.Get("Location"), resp.Header.Get("Content-Type"))
			}
			if tc.url != pinURL(s.Instance, p) && resp.Header.Get("Vary") != "Accept" {
				t.Fatalf("Vary %q", resp.Header.Get("Vary"))
			}
		})
	}
}

// TestUnpublishedDocuments: what is secret, remote, pending or unknown is
// not found as ActivityPub, exactly like what does not exist.
func TestUnpublishedDocuments(t *testing.T) {
	s := newSite(t, nil)
	secretPin := s.pin(t, s.alice, s.drafts, "Secret")
	if _, err := s.Service().CreateAccount(s.ctx, corkboard.NewAccount{Username: "pending", Password: "password-pending"}); err != nil {
		t.Fatal(err)
	}
	for name, url := range map[string]string{
		"secret board":             s.draftsIRI,
		"secret board's outbox":    s.draftsIRI + "/outbox",
		"secret board's followers": s.draftsIRI + "/followers",
		"secret pin":               pinURL(s.Instance, secretPin),
		"unapproved person":        s.URL + "/users/pending",
		"unknown person":           s.URL + "/users/nobody",
		"unknown board":            s.URL + "/boards/999",
		"unknown pin":              s.URL + "/pins/999",
	} {
		if status := s.status(t, url, as2); status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", name, status)
		}
	}
}

// TestAuthorizedFetch: documents need a signed request; actors answer an
// unsigned one with their keys only; discovery and the instance actor
// stay public.
func TestAuthorizedFetch(t *testing.T) {
	s := newSite(t, func(c *server.Config) { c.AuthorizedFetch = true })
	p := s.pin(t, s.alice, s.recipes, "Lemon tart")
	doc, _ := s.document(t, s.aliceIRI)
	if doc["publicKey"] == nil || doc["inbox"] == nil || doc["name"] != nil || doc["summary"] != nil || doc["url"] != nil {
		t.Errorf("unsigned actor request: want keys and endpoints only, got %v", doc)
	}
	for _, url := range []string{pinURL(s.Instance, p), s.aliceIRI + "/outbox", s.boardIRI + "/followers"} {
		if status := s.status(t, url, as2); status == http.StatusOK {
			t.Errorf("unsigned GET %s answered 200", url)
		}
	}
	if doc, _ := s.document(t, s.URL+"/actor"); doc["publicKey"] == nil {
		t.Error("instance actor without its key")
	}
	for _, url := range []string{s.URL + "/.well-known/webfinger?resource=acct:alice@" + s.Host, s.URL + "/nodeinfo/2.0"} {
		if status := s.status(t, url, ""); status != http.StatusOK {
			t.Errorf("%s: %d", url, status)
		}
	}
	if status := s.status(t, s.aliceIRI, "text/html"); status != http.StatusFound {
		t.Errorf("a browser on an actor IRI got %d, want the redirect", status)
	}
}
