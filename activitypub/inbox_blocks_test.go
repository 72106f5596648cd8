package activitypub_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestSuspendedDomain: a suspended server's deliveries are refused with
// 403 before anything is fetched from it, nothing is fetched from it on
// anyone's behalf, and what it brought is gone.
func TestSuspendedDomain(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example")
	blocked := newRemoteStub(t, "127.0.0.201")
	bad, known := blocked.person("bad", "Bad"), blocked.person("known", "Known")
	// carol follows known@blocked, and known follows carol.
	if _, err := w.svc.FollowRemote(w.ctx, w.carol, known); err != nil {
		t.Fatal(err)
	}
	knownAcct := w.remoteByIRI(known)
	w.acceptFollow(w.carol, knownAcct)
	if _, err := w.svc.AcceptRemoteFollow(w.ctx, knownAcct, w.carol.ID, 0, known+"/follows/1"); err != nil {
		t.Fatal(err)
	}
	getsBefore := blocked.getCount()

	if _, err := w.svc.BlockDomain(w.ctx, "127.0.0.201", corkboard.SeveritySuspend, "test"); err != nil {
		t.Fatal(err)
	}
	if fs, _ := w.store.FollowsOf(w.ctx, knownAcct.ID); len(fs) != 0 {
		t.Errorf("follows with the suspended domain remain: %+v", fs)
	}
	like := mustJSON(t, map[string]any{"id": blocked.URL + "/likes/1", "type": "Like", "actor": bad, "object": w.fedPinIRI(w.pin.ID)})
	status, err := send(blocked.signedPost(w.in.URL+"/inbox", bad+"#main-key", like, time.Now()))
	if err != nil || status != http.StatusForbidden {
		t.Fatalf("delivery from a suspended domain: status %d, %v; want 403", status, err)
	}
	w.noInboxRow(blocked.URL + "/likes/1")
	if _, err := w.fed.ResolveAccount(w.ctx, blocked.URL+"/users/other"); err == nil {
		t.Error("an actor on a suspended domain was resolved")
	}
	if n := blocked.getCount(); n != getsBefore {
		t.Errorf("the suspended server was asked %d times", n-getsBefore)
	}

	// Lifting the block lets it in again (the block list is cached, but
	// a change through the Service applies at once).
	if err := w.svc.UnblockDomain(w.ctx, "127.0.0.201"); err != nil {
		t.Fatal(err)
	}
	status, err = send(blocked.signedPost(w.in.URL+"/inbox", bad+"#main-key", like, time.Now()))
	if err != nil || status != http.StatusAccepted {
		t.Fatalf("after unblocking: status %d, %v", status, err)
	}
}

// TestRedeliveryIsStoredAndAppliedOnce: the same activity delivered twice
// is one row and one effect.
func TestRedeliveryIsStoredAndAppliedOnce(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example")
	stub := w.stubs["remote.example"]
	bob := stub.person("bob", "Bob")
	like := mustJSON(t, map[string]any{"id": stub.URL + "/likes/1", "type": "Like", "actor": bob, "object": w.fedPinIRI(w.pin.ID)})
	for i := 0; i < 2; i++ {
		w.post(stub, bob, w.in.URL+"/users/carol/inbox", like)
	}
	a := w.processed(stub.URL + "/likes/1")
	if a.LastError != "" || len(a.RecipientIDs) != 1 || a.RecipientIDs[0] != w.carol.ID {
		t.Errorf("stored activity = %+v", a)
	}
	// Processing it again (a retry after a crash) changes nothing either.
	if err := w.fed.ProcessInboxActivity(w.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // a second job, if there were one, would have run
	if n := w.pinNow().LikeCount; n != 1 {
		t.Errorf("like count = %d, want 1", n)
	}
}

// TestTwoInstancesFollow is the control with real keys on both sides: a
// person on one instance follows one on another by handle; the Follow is
// verified against the follower's fetched key, accepted, and the Accept
// verified in turn.
func TestTwoInstancesFollow(t *testing.T) {
	network := servertest.NewNetwork(t)
	a, b := network.Add("a", servertest.Options{}), network.Add("b", servertest.Options{})
	alice, bob := a.CreateUser(t, "alice"), b.CreateUser(t, "bob")
	if _, err := b.Service().FollowRemote(t.Context(), bob, a.Handle("alice")); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 15*time.Second, "bob's follow to be accepted", func() bool {
		ok, err := b.Service().Following(t.Context(), bob, remoteID(t, b, a.URL+"/users/alice"), 0)
		if err != nil || !ok {
			return false
		}
		f, err := b.Server.Store().FindFollow(t.Context(), bob.ID, remoteID(t, b, a.URL+"/users/alice"), 0)
		return err == nil && !f.Pending
	})
	followers, _, err := a.Service().FollowCounts(t.Context(), alice.ID, 0)
	if err != nil || followers != 1 {
		t.Errorf("alice has %d followers, %v", followers, err)
	}
}

// remoteID returns the id of a remote account on an instance, or 0.
func remoteID(t *testing.T, in *servertest.Instance, iri string) int64 {
	acct, err := in.Server.Store().AccountByIRI(t.Context(), iri)
	if err != nil {
		return 0
	}
	return acct.ID
}
