package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

// scenarioWait bounds every wait of the federation scenarios: on a
// loopback network with fast retries an activity lands in well under a
// second, so this is only reached when something is lost.
const scenarioWait = 15 * time.Second

// scenarioDelivery shortens retries and polling so that a failed attempt is
// retried within a fraction of a second instead of 30 s. Each job waits
// up to PollInterval to be picked up; polling faster than 100 ms made the
// scenario slower, not faster: idle polling of three instances under
// -race took the CPU their work needed.
var scenarioDelivery = activitypub.DeliveryOptions{
	RetryBase: 50 * time.Millisecond, RetryCap: 500 * time.Millisecond, PollInterval: 100 * time.Millisecond,
	UnavailableFailures: 20, ProbeInterval: 300 * time.Millisecond,
}

// trio is three complete instances: alice on A, bob on B, carol on C with
// two boards, recipes (which alice follows) and crafts (which she does not).
type trio struct {
	ctx                                  context.Context
	a, b, c                              *servertest.Instance
	alice, bob, carol                    *corkboard.Account
	aliceBoard, bobBoard                 *corkboard.Board
	carolRecipes, carolCrafts            *corkboard.Board
	bobHandle, carolBoardIRI             string
	aliceFollowsBob, aliceFollowsRecipes *corkboard.Follow
}

func newTrio(t *testing.T, kind string) *trio {
	t.Helper()
	n := servertest.NewNetwork(t)
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = scenarioDelivery }}
	w := &trio{ctx: context.Background(), a: n.Add("A", opts), b: n.Add("B", opts), c: n.Add("C", opts)}
	w.alice, w.bob, w.carol = w.a.CreateUser(t, "alice"), w.b.CreateUser(t, "bob"), w.c.CreateUser(t, "carol")
	w.aliceBoard = w.a.CreateBoard(t, w.alice, "Saved")
	w.bobBoard = w.b.CreateBoard(t, w.bob, "Tarts")
	w.carolRecipes, w.carolCrafts = w.c.CreateBoard(t, w.carol, "Recipes"), w.c.CreateBoard(t, w.carol, "Crafts")
	w.bobHandle = w.b.Handle("bob")
	w.carolBoardIRI = w.c.Service().BoardIRI(w.carolRecipes)
	return w
}

// arrived waits until the instance has its copy of a remote pin.
func (w *trio) arrived(t *testing.T, in *servertest.Instance, iri string) *corkboard.Pin {
	t.Helper()
	var p *corkboard.Pin
	servertest.Eventually(t, scenarioWait, in.Name+" to receive "+iri, func() bool {
		p = in.RemotePin(t, iri)
		return p != nil
	})
	return p
}

// pinAt reloads one of an instance's own pins, with its counts.
func (w *trio) pinAt(t *testing.T, in *servertest.Instance, id int64) *corkboard.Pin {
	t.Helper()
	p, err := in.Service().Pin(w.ctx, nil, id)
	if err != nil {
		t.Fatalf("%s: pin %d: %v", in.Name, id, err)
	}
	return p
}

// sentTo lists the deliveries from's queue holds for to's inboxes.
func (w *trio) sentTo(t *testing.T, from, to *servertest.Instance) []servertest.Delivery {
	t.Helper()
	var out []servertest.Delivery
	for _, d := range from.Deliveries(t) {
		if strings.HasPrefix(d.Inbox, to.URL+"/") {
			out = append(out, d)
		}
	}
	return out
}

// mentioning lists the activities in's inbox log that name iri.
func (w *trio) mentioning(t *testing.T, in *servertest.Instance, iri string) []servertest.Received {
	t.Helper()
	var out []servertest.Received
	for _, r := range in.Inbox(t) {
		if r.Mentions(iri) {
			out = append(out, r)
		}
	}
	return out
}
