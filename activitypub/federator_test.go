package activitypub_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// eachDB runs fn on a fresh outbound instance per database kind.
func eachDB(t *testing.T, fn func(t *testing.T, o *outbound)) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newOutbound(t, kind, activitypub.DeliveryOptions{})) })
	}
}

// TestPinFanOutOneDeliveryPerServer: three followers of alice on two
// servers, two of them behind one shared inbox, get two Creates; the
// board's followers get the board's Announce; all in the transaction of
// the change, so a rolled-back change enqueues nothing.
func TestPinFanOutOneDeliveryPerServer(t *testing.T) {
	eachDB(t, func(t *testing.T, o *outbound) {
		bob, carol := o.remoteAccount("bob", "a.example", true), o.remoteAccount("carol", "a.example", true)
		dave, erin := o.remoteAccount("dave", "b.example", false), o.remoteAccount("erin", "c.example", true)
		for _, a := range []*corkboard.Account{bob, carol, dave} {
			o.follow(a, o.alice.ID, 0)
		}
		o.follow(erin, 0, o.board.ID)
		o.follow(carol, 0, o.board.ID)
		p := o.pin(o.board, "Lemon tart")

		rollback := errors.New("roll back")
		if err := o.db.InTx(o.ctx, func(tx corkboard.Store) error {
			if err := o.fed.PinCreated(o.ctx, tx, p); err != nil {
				t.Fatal(err)
			}
			return rollback
		}); !errors.Is(err, rollback) || len(o.deliveries()) != 0 {
			t.Fatalf("a rolled-back change left %d deliveries (err %v)", len(o.deliveries()), err)
		}

		o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
		got := byType(o.deliveries())
		wantCreate := []string{"https://a.example/inbox", "https://b.example/users/dave/inbox"}
		wantAnnounce := []string{"https://a.example/inbox", "https://c.example/inbox"}
		if !sameKeys(got["Create"], wantCreate) || !sameKeys(got["Announce"], wantAnnounce) || len(got) != 2 {
			t.Fatalf("deliveries: Create to %v, Announce to %v (all: %v); want %v and %v",
				keys(got["Create"]), keys(got["Announce"]), keys2(got), wantCreate, wantAnnounce)
		}
		pinIRI, aliceIRI, boardIRI := o.url+"/pins/"+itoa(p.ID), o.url+"/users/alice", o.url+"/boards/"+itoa(o.board.ID)
		for _, d := range got["Create"] {
			note, _ := d.Activity["object"].(map[string]any)
			if d.SignerIRI != aliceIRI || d.Activity["actor"] != aliceIRI || note["id"] != pinIRI || note["audience"] != boardIRI {
				t.Errorf("Create: signer %s actor %v note %v", d.SignerIRI, d.Activity["actor"], note)
			}
		}
		for _, d := range got["Announce"] {
			if d.SignerIRI != boardIRI || d.Activity["actor"] != boardIRI || d.Activity["object"] != pinIRI {
				t.Errorf("Announce: signer %s actor %v object %v", d.SignerIRI, d.Activity["actor"], d.Activity["object"])
			}
		}
		received, err := o.db.ObjectRecipients(o.ctx, pinIRI)
		if err != nil || !slices.Equal(received, []string{"https://a.example/inbox", "https://b.example/users/dave/inbox", "https://c.example/inbox"}) {
			t.Fatalf("recipients of the pin = %v, %v", received, err)
		}
	})
}

// TestPinLifecycleReachesEveryRecipient: a secret pin goes nowhere; an
// edit updates everyone who has the pin; making it secret and deleting it
// send Delete to every server that received it, even a former follower.
func TestPinLifecycleReachesEveryRecipient(t *testing.T) {
	eachDB(t, func(t *testing.T, o *outbound) {
		bob := o.remoteAccount("bob", "a.example", true)
		o.follow(bob, o.alice.ID, 0)
		secret := o.pin(o.localBoard(o.alice, "drafts", true), "Hidden")
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, secret) })
		if n := len(o.deliveries()); n != 0 {
			t.Fatalf("a secret pin enqueued %d deliveries", n)
		}
		p := o.pin(o.board, "Lemon tart")
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
		if _, err := o.db.DeleteFollow(o.ctx, bob.ID, o.alice.ID, 0); err != nil {
			t.Fatal(err)
		}
		dave := o.remoteAccount("dave", "b.example", false)
		o.follow(dave, 0, o.board.ID) // a new board follower, who never had the pin

		p.Title, p.UpdatedAt = "Lemon tart, again", p.UpdatedAt.Add(time.Minute)
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinUpdated(o.ctx, tx, p) })
		p.Secret = true
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinUpdated(o.ctx, tx, p) })
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinDeleted(o.ctx, tx, p) })

		var got []string
		for _, d := range o.deliveries() {
			got = append(got, d.Activity["type"].(string)+" "+d.Inbox)
		}
		want := []string{
			"Create https://a.example/inbox",
			"Update https://a.example/inbox", "Update https://b.example/users/dave/inbox", "Announce https://b.example/users/dave/inbox",
			"Delete https://a.example/inbox", "Delete https://b.example/users/dave/inbox",
			"Delete https://a.example/inbox", "Delete https://b.example/users/dave/inbox",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("deliveries:\n%v\nwant:\n%v", got, want)
		}
	})
}

func sameKeys(m map[string]delivery, want []string) bool {
	return slices.Equal(keys(m), want)
}

func keys(m map[string]delivery) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func keys2(m map[string]map[string]delivery) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
