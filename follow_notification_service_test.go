package corkboard_test

import (
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// A new follower, local or remote, notifies the person followed, once:
// a redelivered Follow, a repeated follow and a board follow do not.
func TestFollowNotifiesThePersonFollowed(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		board := w.board(alice, "Ideas", false)
		now := time.Now()
		remote := &corkboard.Account{Username: "zoe", Domain: "remote.example", IRI: "https://remote.example/users/zoe",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(w.ctx, remote); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := w.svc.FollowAccount(w.ctx, bob, "alice"); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.AcceptRemoteFollow(w.ctx, remote, alice.ID, 0, "https://remote.example/follows/1"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.svc.FollowBoard(w.ctx, bob, board.ID); err != nil {
			t.Fatal(err)
		}
		ns, err := w.svc.Notifications(w.ctx, alice, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		var from []string
		for _, n := range ns {
			if n.Type != "follow" || n.From == nil {
				t.Fatalf("notification %+v; want follows only", n)
			}
			from = append(from, n.From.Acct())
		}
		if len(from) != 2 || from[0] != "zoe@remote.example" || from[1] != "bob" {
			t.Errorf("alice's follow notifications from %v; want zoe@remote.example, then bob", from)
		}
	})
}
