package activitypub_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestSuspendedRemoteAccountIsRefused: A's admin suspends bob@B, who
// follows alice@A. His follow is gone at once; the signed Create of his
// next message arrives, is refused for good and leaves no message; after
// the unsuspension his next message is stored again.
func TestSuspendedRemoteAccountIsRefused(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testSuspendedRemoteAccountIsRefused(t, kind) })
	}
}

func testSuspendedRemoteAccountIsRefused(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	alice, bob := a.CreateUser(t, "alice"), b.CreateUser(t, "bob")
	if _, err := b.Service().FollowRemote(ctx, bob, a.Handle("alice")); err != nil {
		t.Fatal(err)
	}
	followers := func() int64 {
		n, _, err := a.Service().FollowCounts(ctx, alice.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	servertest.Eventually(t, 10*time.Second, "bob's follow on A", func() bool { return followers() == 1 })
	bobOnA, err := a.Server.Store().AccountByIRI(ctx, b.URL+"/users/bob")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Service().SuspendAccount(ctx, corkboard.ConsoleAdmin(), bobOnA.ID, "spam"); err != nil {
		t.Fatal(err)
	}
	if n := followers(); n != 0 {
		t.Errorf("alice's followers after bob's suspension: %d, want 0", n)
	}

	aliceOnB, err := b.Server.Federation().ResolveAccount(ctx, a.Handle("alice"))
	if err != nil {
		t.Fatal(err)
	}
	send := func(text string) string {
		m, err := b.Service().SendMessage(ctx, bob, []int64{aliceOnB.ID}, text, corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		return b.Service().MessageIRI(m)
	}
	refused := send("buy my pills")
	servertest.Eventually(t, 10*time.Second, "the refused Create on A", func() bool {
		for _, r := range a.Inbox(t) {
			if r.Type == "Create" && r.Mentions(refused) && r.Processed {
				if !strings.Contains(r.LastError, "suspended") {
					t.Errorf("the Create was processed without a refusal (last error %q)", r.LastError)
				}
				return true
			}
		}
		return false
	})
	if _, err := a.Server.Store().MessageByIRI(ctx, refused); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Errorf("a suspended sender's message on A: %v, want none", err)
	}

	if _, err := a.Service().UnsuspendAccount(ctx, corkboard.ConsoleAdmin(), bobOnA.ID); err != nil {
		t.Fatal(err)
	}
	welcome := send("sorry about that")
	servertest.Eventually(t, 10*time.Second, "the message after the unsuspension", func() bool {
		_, err := a.Server.Store().MessageByIRI(ctx, welcome)
		return err == nil
	})
}
