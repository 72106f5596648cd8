package activitypub_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestTwoInstancesFollowRequests: bob@B and carol@B follow locked
// alice@A; both wait, on A as requests and on B as requested. Alice
// authorizes bob: B receives an Accept, bob's follow is accepted and her
// next pin reaches his feed. She rejects carol: B receives a Reject
// embedding carol's Follow, and carol's follow is gone on B.
func TestTwoInstancesFollowRequests(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testTwoInstancesFollowRequests(t, kind) })
	}
}

func testTwoInstancesFollowRequests(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	alice, bob, carol := a.CreateUser(t, "alice"), b.CreateUser(t, "bob"), b.CreateUser(t, "carol")
	if err := a.Service().SetLocked(ctx, alice, true); err != nil {
		t.Fatal(err)
	}
	follows := map[string]*corkboard.Follow{}
	for _, p := range []*corkboard.Account{bob, carol} {
		f, err := b.Service().FollowRemote(ctx, p, a.Handle("alice"))
		if err != nil {
			t.Fatal(err)
		}
		follows[p.Username] = f
	}
	servertest.Eventually(t, 15*time.Second, "two follow requests on A", func() bool {
		n, err := a.Service().CountFollowRequests(ctx, alice)
		return err == nil && n == 2
	})
	aliceOnB := remoteID(t, b, a.URL+"/users/alice")
	if st, err := b.Service().FollowStateOf(ctx, bob, aliceOnB, 0); err != nil || !st.Requested {
		t.Fatalf("bob's follow on B while alice decides = %+v, %v; want requested", st, err)
	}

	if err := a.Service().AuthorizeFollowRequest(ctx, alice, remoteID(t, a, b.URL+"/users/bob")); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 15*time.Second, "bob's follow accepted on B", func() bool {
		st, err := b.Service().FollowStateOf(ctx, bob, aliceOnB, 0)
		return err == nil && st.Following
	})
	wantReceived(t, b, "Accept", follows["bob"].IRI)
	pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Ideas"), "a lamp")
	servertest.Eventually(t, 15*time.Second, "alice's pin in bob's feed on B", func() bool {
		return feedHas(ctx, b, bob, a.PinIRI(pin))
	})

	if err := a.Service().RejectFollowRequest(ctx, alice, remoteID(t, a, b.URL+"/users/carol")); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 15*time.Second, "carol's follow removed on B", func() bool {
		st, err := b.Service().FollowStateOf(ctx, carol, aliceOnB, 0)
		return err == nil && st == corkboard.FollowState{}
	})
	wantReceived(t, b, "Reject", follows["carol"].IRI)
	if feedHas(ctx, b, carol, a.PinIRI(pin)) {
		t.Error("alice's pin reached carol, whose follow was never accepted")
	}
}

// wantReceived waits until in has received, and processed without an
// error, an activity of type that names followIRI (the Follow it
// answers). Its effect can show before it is marked processed.
func wantReceived(t *testing.T, in *servertest.Instance, typ, followIRI string) {
	t.Helper()
	if followIRI == "" {
		t.Fatalf("no Follow id to look for in a %s", typ)
	}
	servertest.Eventually(t, 15*time.Second, in.Name+" to process a "+typ+" of "+followIRI, func() bool {
		for _, r := range in.Inbox(t) {
			if r.Type == typ && r.Mentions(followIRI) && r.Processed {
				if r.LastError != "" {
					t.Errorf("%s of %s on %s: %s", typ, followIRI, in.Name, r.LastError)
				}
				return true
			}
		}
		return false
	})
}

// feedHas reports whether a pin (by its IRI) is in a person's home feed.
func feedHas(ctx context.Context, in *servertest.Instance, a *corkboard.Account, iri string) bool {
	page, err := in.Service().HomeFeed(ctx, a, 0, 50)
	if err != nil {
		return false
	}
	for _, p := range page.Pins {
		if p.IRI == iri {
			return true
		}
	}
	return false
}
