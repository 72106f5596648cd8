package activitypub_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/corkboard/corkboard/server/servertest"
)

// inboundWorld is a complete instance (servertest) receiving activities,
// with stub servers standing in for the remote hosts of the captured
// fixtures: every fixture host is rewritten to a stub of its own (its own
// port, so its own origin), and stub.test, the captures' recipient, to
// the instance, where carol and dave are local people.
type inboundWorld struct {
	t     *testing.T
	ctx   context.Context
	in    *servertest.Instance
	fed   *activitypub.Federation
	store corkboard.Store
	svc   *corkboard.Service
	stubs map[string]*remoteStub // fixture host -> stub
	carol *corkboard.Account
	dave  *corkboard.Account
	board *corkboard.Board // carol's
	pin   *corkboard.Pin   // carol's, the fixtures' statuses/1 and /2
}

// fixtureHosts are the remote hosts the captures name.
var fixtureHosts = []string{"gts.test", "gts2.test", "fedify-peer1.test", "fedify-peer2.test", "enterprise.lemmy.ml",
	"ds9.lemmy.ml", "mastodon.world", "pixelfed.social", "gram.social", "2hu.gensokyo"}

// newInboundWorld starts the instance, a stub for each of hosts (names
// the fixtures use; rewrite maps them), and carol's board and pin.
func newInboundWorld(t *testing.T, opts servertest.Options, hosts ...string) *inboundWorld {
	t.Helper()
	in := servertest.NewNetwork(t).Add("local", opts)
	w := &inboundWorld{t: t, ctx: context.Background(), in: in, fed: in.Server.Federation(),
		store: in.Server.Store(), svc: in.Service(), stubs: map[string]*remoteStub{}}
	for _, h := range hosts {
		w.stubs[h] = newRemoteStub(t, "127.0.0.200")
	}
	w.carol, w.dave = in.CreateUser(t, "carol"), in.CreateUser(t, "dave")
	var err error
	if w.board, err = w.svc.CreateBoard(w.ctx, w.carol, corkboard.BoardInput{Title: "Pins"}); err != nil {
		t.Fatal(err)
	}
	w.pin = w.localPin(w.carol, w.board, "a pin of carol's")
	return w
}

// localPin makes a pin from the test PNG.
func (w *inboundWorld) localPin(owner *corkboard.Account, b *corkboard.Board, desc string) *corkboard.Pin {
	w.t.Helper()
	p, err := w.svc.CreatePin(w.ctx, owner, corkboard.PinInput{BoardID: b.ID, Description: desc, Image: strings.NewReader(string(testPNG()))})
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

// fixture reads a capture with its hosts rewritten.
func (w *inboundWorld) fixture(path string) string {
	w.t.Helper()
	data, err := os.ReadFile(filepath.Join("vocab", "testdata", "fixtures", filepath.FromSlash(path)))
	if err != nil {
		w.t.Fatal(err)
	}
	return w.rewrite(string(data))
}

func (w *inboundWorld) rewrite(s string) string {
	s = strings.ReplaceAll(s, "http://stub.test", w.in.URL)
	for h, stub := range w.stubs {
		s = strings.ReplaceAll(s, "http://"+h, stub.URL)
		s = strings.ReplaceAll(s, "https://"+h, stub.URL)
	}
	pinIRI := w.fedPinIRI(w.pin.ID)
	for _, status := range []string{"/users/carol/statuses/1", "/users/carol/statuses/2"} {
		s = strings.ReplaceAll(s, w.in.URL+status, pinIRI)
	}
	return s
}

func (w *inboundWorld) fedPinIRI(id int64) string { return w.svc.PinIRI(&corkboard.Pin{ID: id}) }

// serveFixture serves a captured document at its (rewritten) id.
func (w *inboundWorld) serveFixture(host, path string, edit func(string) string) {
	doc := w.fixture(path)
	if edit != nil {
		doc = edit(doc)
	}
	id, _, err := vocab.ScanID([]byte(doc))
	if err != nil {
		w.t.Fatal(err)
	}
	w.stubs[host].serve(strings.TrimPrefix(id, w.stubs[host].URL), []byte(doc))
}

// receive stores an activity as the inbox would and processes it.
func (w *inboundWorld) receive(raw string) *corkboard.InboxActivity {
	w.t.Helper()
	env, err := vocab.ScanEnvelope([]byte(raw))
	if err != nil {
		w.t.Fatalf("envelope: %v", err)
	}
	a := &corkboard.InboxActivity{IRI: env.ID, Type: env.Type, ActorIRI: env.Actor, Raw: []byte(raw), ReceivedAt: time.Now()}
	if _, err := w.store.SaveInboxActivity(w.ctx, a); err != nil {
		w.t.Fatal(err)
	}
	stored, err := w.store.InboxActivityByIRI(w.ctx, env.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := w.fed.ProcessInboxActivity(w.ctx, stored.ID); err != nil {
		w.t.Fatalf("processing %s failed (transient): %v", env.ID, err)
	}
	if stored, err = w.store.InboxActivityByID(w.ctx, stored.ID); err != nil {
		w.t.Fatal(err)
	}
	return stored
}

// remote returns the stored account of a stub actor.
func (w *inboundWorld) remote(host, path string) *corkboard.Account {
	w.t.Helper()
	a, err := w.store.AccountByIRI(w.ctx, w.stubs[host].URL+path)
	if err != nil {
		w.t.Fatalf("remote account %s%s: %v", host, path, err)
	}
	return a
}

// follow reports whether follower follows the target, and if pending.
func (w *inboundWorld) follow(followerID, accountID, boardID int64) (exists, pending bool) {
	f, err := w.store.FindFollow(w.ctx, followerID, accountID, boardID)
	if err != nil {
		return false, false
	}
	return true, f.Pending
}

// pinNow reloads carol's pin (its counts).
func (w *inboundWorld) pinNow() *corkboard.Pin {
	w.t.Helper()
	p, err := w.store.PinByID(w.ctx, w.pin.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

// noPin asserts that no pin exists under iri.
func (w *inboundWorld) noPin(iri string) {
	w.t.Helper()
	if p, err := w.store.PinByIRI(w.ctx, iri); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		w.t.Errorf("pin %s exists (%+v, %v), want none", iri, p, err)
	}
}

// eventually waits for cond (deliveries are asynchronous).
func (w *inboundWorld) eventually(what string, cond func() bool) {
	w.t.Helper()
	servertest.Eventually(w.t, 10*time.Second, what, cond)
}

// postedTo reports whether the stub received a POST of the given type.
func postedTo(s *remoteStub, typ string) bool {
	for _, p := range s.received() {
		env, err := vocab.ScanEnvelope(p.Body)
		if err == nil && env.Type == typ {
			return true
		}
	}
	return false
}
