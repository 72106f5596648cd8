package main

import (
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestE2EDeliverySurvivesKill kills the sending binary with SIGKILL while
// its deliveries are in flight, restarts it on the same data and address,
// and wants the receiver to end up with every pin exactly once.
//
// To be sure deliveries are in flight at the kill, the receiver is frozen
// (SIGSTOP) after the first pins: its kernel still accepts connections and
// buffers requests, so the sender's POSTs hang mid-request, their jobs
// "running". The restarted sender cannot know which of those arrived, so
// it retries them all (River's rescuer, twice the delivery timeout after
// they began); the receiver keeps each activity id once and must apply
// none twice. Thawed right after the kill, the receiver may also process
// requests whose sender is gone, and find it down when it fetches their
// images: it must try again later, not drop those pins.
func TestE2EDeliverySurvivesKill(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			s := startFedNode(t, "S", kind, "127.0.0.1", "alice")
			r := startFedNode(t, "R", kind, "127.0.0.5", "bob")
			logTailsOnFailure(t, s, r)
			deadline := time.Now().Add(2 * time.Minute)
			r.follow(t, "@alice@"+s.host(), deadline)
			board := s.api.createBoard("Durable")

			const before, during = 10, 20
			for range before {
				s.pin(t, board)
			}
			r.waitForCreates(t, s, before, deadline)

			r.signal(t, syscall.SIGSTOP)
			for range during {
				s.pin(t, board)
			}
			var inFlight map[string]int64
			waitFor(t, deadline, "S to have deliveries in flight to the frozen R", func() (bool, string) {
				inFlight = s.deliveries(t)
				return inFlight["running"] > 0, "deliveries by state: " + jsonText(inFlight)
			})
			if got := r.processedCreates(t, s.actor()); got != before {
				t.Fatalf("R applied %d Creates before the kill, want %d (some, not all)", got, before)
			}
			s.kill(t)
			r.signal(t, syscall.SIGCONT)
			t.Logf("killed S with deliveries %s; R had %d of %d pins", jsonText(inFlight), before, before+during)

			s.restart(t)
			r.waitForCreates(t, s, before+during, deadline)
			time.Sleep(time.Second) // room for a wrong redelivery to be applied
			r.checkExactlyOnce(t, s, before+during)
			// More than one POST per activity (an Accept and the Creates)
			// means redeliveries arrived and were not applied again.
			t.Logf("R accepted %d POSTs at its inbox for %d activities; took %s",
				inboxPosts(r.srv.Logs()), 1+before+during, time.Since(start).Round(time.Millisecond))
		})
	}
}

// waitForCreates waits until the node has applied want Creates of the
// origin's user.
func (n *fedNode) waitForCreates(t *testing.T, origin *fedNode, want int64, deadline time.Time) {
	t.Helper()
	waitFor(t, deadline, n.name+" to apply "+strconv.FormatInt(want, 10)+" Creates from "+origin.name, func() (bool, string) {
		got := n.processedCreates(t, origin.actor())
		return got >= want, strconv.FormatInt(got, 10) + " applied; origin's deliveries: " + jsonText(origin.deliveries(t))
	})
}

// checkExactlyOnce checks that every pin of origin's arrived once: one
// stored activity per Create (ids are unique), one copy per pin, one
// feed entry per copy.
func (n *fedNode) checkExactlyOnce(t *testing.T, origin *fedNode, want int64) {
	t.Helper()
	creates := n.count(t, `SELECT count(*) FROM inbox_activities WHERE type = 'Create' AND actor_iri = ?`, origin.actor())
	if creates != want || n.processedCreates(t, origin.actor()) != want {
		t.Errorf("%s stored %d Creates from %s, want %d, all applied", n.name, creates, origin.name, want)
	}
	if copies, distinct := n.receivedPins(t, origin); copies != want || distinct != want {
		t.Errorf("%s holds %d copies of %d distinct pins, want %d of %d", n.name, copies, distinct, want, want)
	}
	entries := n.count(t, `SELECT count(*) FROM feed_entries f JOIN accounts a ON a.id = f.account_id
		JOIN pins p ON p.id = f.pin_id WHERE a.username = ? AND a.domain = '' AND p.iri LIKE ?`, n.user, origin.in.URL+"/pins/%")
	if entries != want {
		t.Errorf("%s's home feed has %d entries of %s's pins, want %d", n.user, entries, origin.name, want)
	}
}
