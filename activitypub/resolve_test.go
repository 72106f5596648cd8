package activitypub_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestFetchRefusals checks what a remote fetch must refuse: HTML instead
// of ActivityStreams, a document whose id is not its URL, and a redirect
// to an address the instance may not reach. Nothing is stored.
func TestFetchRefusals(t *testing.T) {
	// The instance may reach the stub (127.0.0.200) but not 127.0.0.1.
	w := newInboundWorld(t, servertest.Options{Modify: func(c *server.Config) {
		c.AllowPrivateAddresses = []netip.Prefix{netip.MustParsePrefix("127.0.0.200/32")}
	}}, "remote.example")
	stub := w.stubs["remote.example"]
	bob := stub.person("bob", "Bob")

	var hits atomic.Int32
	forbidden := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		rw.Header().Set("Content-Type", "application/activity+json")
		_, _ = rw.Write(stub.personJSON("/users/inside", "inside", "Inside"))
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	forbidden.Listener = ln
	forbidden.Start()
	t.Cleanup(forbidden.Close)

	stub.handle("/users/html", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte("<html><body>" + string(stub.personJSON("/users/html", "html", "HTML")) + "</body></html>"))
	})
	stub.serve("/users/liar", stub.personJSON("/users/bob", "bob", "Not Bob")) // claims to be bob
	stub.handle("/users/redirect", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, forbidden.URL+"/users/inside", http.StatusFound)
	})
	stub.handle("/notes/html", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`{"id":"` + stub.URL + `/notes/html","type":"Note"}`))
	})
	stub.serve("/notes/moved", []byte(`{"id":"`+stub.URL+`/notes/elsewhere","type":"Note","attributedTo":"`+bob+`"}`))

	ctx := context.Background()
	tests := []struct {
		name string
		iri  string
		do   func(iri string) error
		is   error // a cause the error must wrap, if any
	}{
		{"actor served as text/html", stub.URL + "/users/html", w.resolveAccount, nil},
		{"actor whose id is not its URL", stub.URL + "/users/liar", w.resolveAccount, nil},
		{"redirect to 127.0.0.1", stub.URL + "/users/redirect", w.resolveAccount, safehttp.ErrForbiddenAddress},
		{"object served as text/html", stub.URL + "/notes/html", func(iri string) error { _, err := w.fed.FetchObject(ctx, iri); return err }, nil},
		{"object whose id is not its URL", stub.URL + "/notes/moved", func(iri string) error { _, err := w.fed.FetchObject(ctx, iri); return err }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do(tt.iri)
			t.Logf("refused: %v", err)
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("err = %v, want a refusal (%v)", err, tt.is)
			}
			if _, err := w.store.AccountByIRI(ctx, tt.iri); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
				t.Errorf("%s was stored", tt.iri)
			}
		})
	}
	if _, err := w.store.AccountByIRI(ctx, bob); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Error("the liar's claim stored bob")
	}
	if hits.Load() != 0 {
		t.Errorf("127.0.0.1 was reached %d times", hits.Load())
	}
}

// resolveAccount resolves a handle or URL to a remote account.
func (w *inboundWorld) resolveAccount(handle string) error {
	_, err := w.fed.ResolveAccount(w.ctx, handle)
	return err
}

// TestResolveHandles resolves people and boards by handle (WebFinger) and
// URL, and follows one by handle through the Service.
func TestResolveHandles(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example")
	stub := w.stubs["remote.example"]
	bob := stub.person("bob", "Bob <b>Builder</b>")
	group := stub.URL + "/boards/7"
	stub.serve("/boards/7", mustJSON(t, map[string]any{"id": group, "type": "Group", "preferredUsername": "bob.recipes",
		"name": "Recipes", "summary": "<p>Things to <em>cook</em></p>", "attributedTo": bob, "inbox": group + "/inbox",
		"followers": group + "/followers"}))
	stub.handle("/.well-known/webfinger", func(rw http.ResponseWriter, r *http.Request) {
		res := r.URL.Query().Get("resource")
		href := map[string]string{"acct:bob@" + stub.Host: bob, "acct:bob.recipes@" + stub.Host: group}[res]
		if href == "" {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "application/jrd+json")
		_, _ = rw.Write(mustJSON(t, map[string]any{"subject": res, "links": []map[string]string{
			{"rel": "self", "type": "application/activity+json", "href": href}}}))
	})

	a, err := w.fed.ResolveAccount(w.ctx, "@bob@"+stub.Host)
	if err != nil || a.IRI != bob || a.Username != "bob" || a.Domain != stub.Host || a.DisplayName != "Bob <b>Builder</b>" ||
		a.InboxURL != bob+"/inbox" || a.SharedInboxURL != stub.URL+"/inbox" {
		t.Fatalf("bob = %+v, %v", a, err)
	}
	if k, err := w.store.KeyByID(w.ctx, bob+"#main-key"); err != nil || k.OwnerIRI != bob {
		t.Errorf("bob's key = %+v, %v", k, err)
	}
	b, err := w.fed.ResolveBoard(w.ctx, "@bob.recipes@"+stub.Host)
	if err != nil || b.IRI != group || b.Slug != "recipes" || b.AccountID != a.ID || b.Description != "Things to cook" {
		t.Fatalf("board = %+v, %v", b, err)
	}
	if _, err := w.fed.ResolveBoard(w.ctx, bob); corkboard.ErrorCode(err) != corkboard.EINVALID {
		t.Errorf("a person resolved as a board: %v", err)
	}
	if _, err := w.fed.ResolveAccount(w.ctx, "@nobody@"+stub.Host); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Errorf("an unknown handle: %v", err)
	}
	f, err := w.svc.FollowRemote(w.ctx, w.carol, "@bob.recipes@"+stub.Host)
	if err != nil || f.TargetBoardID != b.ID || !f.Pending {
		t.Fatalf("follow of the board = %+v, %v", f, err)
	}
	w.eventually("the Follow delivered to the board", func() bool { return postedTo(stub, "Follow") })
	if err := w.svc.UnfollowRemote(w.ctx, w.carol, group); err != nil {
		t.Fatal(err)
	}
	if ok, _ := w.follow(w.carol.ID, 0, b.ID); ok {
		t.Error("still following the board")
	}
	if local, err := w.fed.ResolveAccount(w.ctx, "@carol@"+w.in.Host); err != nil || local.ID != w.carol.ID {
		t.Errorf("our own handle = %+v, %v", local, err)
	}
}

// TestKeyStubDocument resolves a GoToSocial-style keyId, whose document
// is a stub naming its owner: the owner is fetched by its own id, and
// only a key it lists is believed.
func TestKeyStubDocument(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "gts.test")
	gts := w.stubs["gts.test"]
	w.serveFixture("gts.test", "gotosocial/actor-person.json", nil)
	// The key document's id is its owner's, not its URL.
	gts.serve("/users/alice/main-key", []byte(w.fixture("gotosocial/actor-publickey.json")))
	alice := gts.URL + "/users/alice"

	inbox := w.in.URL + "/inbox"
	body := []byte(`{"id":"` + gts.URL + `/likes/1","type":"Like","actor":"` + alice + `","object":"` + w.fedPinIRI(w.pin.ID) + `"}`)
	// The fixture's key is GoToSocial's, whose private half we do not
	// have: the signature fails, but only after the key was resolved.
	status, err := send(gts.signedPost(inbox, alice+"/main-key", body, time.Now()))
	if err != nil || status != http.StatusUnauthorized {
		t.Fatalf("status %d, %v", status, err)
	}
	k, err := w.store.KeyByID(w.ctx, alice+"/main-key")
	if err != nil || k.OwnerIRI != alice || !strings.Contains(k.PublicKeyPEM, "BEGIN PUBLIC KEY") {
		t.Fatalf("key = %+v, %v", k, err)
	}
	if _, err := w.store.AccountByIRI(w.ctx, alice); err != nil {
		t.Errorf("the key's owner was not stored: %v", err)
	}
}
