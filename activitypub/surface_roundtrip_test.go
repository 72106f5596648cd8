package activitypub_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestFollowAndPinRoundTrip runs two complete instances: bob on one
// follows alice and her board on the other through WebFinger, Follow and
// the Accepts (the board's signed with its own key); then alice's new pin
// reaches bob's server, as her Create and her board's Announce.
func TestFollowAndPinRoundTrip(t *testing.T) {
	fast := func(c *server.Config) { c.Delivery = fastDelivery }
	n := servertest.NewNetwork(t)
	a := &site{Instance: n.Add("a", servertest.Options{Modify: fast}), ctx: context.Background()}
	b := n.Add("b", servertest.Options{Modify: fast})
	a.alice = a.CreateUser(t, "alice")
	a.recipes = a.board(t, a.alice, "Recipes", "", false)
	bob := b.CreateUser(t, "bob")
	ctx := context.Background()

	var follows []*corkboard.Follow
	for _, handle := range []string{"@alice@" + a.Host, "@alice.recipes@" + a.Host} {
		fo, err := b.Service().FollowRemote(ctx, bob, handle)
		if err != nil {
			t.Fatalf("follow %s: %v", handle, err)
		}
		follows = append(follows, fo)
	}
	servertest.Eventually(t, 15*time.Second, "both follows to be accepted", func() bool {
		for _, fo := range follows {
			got, err := b.Server.Store().FindFollow(ctx, bob.ID, fo.TargetAccountID, fo.TargetBoardID)
			if err != nil || got.Pending {
				return false
			}
		}
		return true
	})
	p := a.pin(t, a.alice, a.recipes, "Lemon tart")
	iri := pinURL(a.Instance, p)
	servertest.Eventually(t, 15*time.Second, "the pin to reach bob's server", func() bool {
		_, err := b.Server.Store().PinByIRI(ctx, iri)
		return err == nil
	})
}
