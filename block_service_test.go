package corkboard_test

import (
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// A block works both ways for follows: the blocked person cannot follow
// the blocker or their boards (here or from their server), and the
// blocker must unblock before following. The block list shows it, and an
// unblock lifts it; relationships tell both sides.
func TestBlockStopsFollowsUntilLifted(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		board := w.board(alice, "Ideas", false)
		now := time.Now()
		zoe := &corkboard.Account{Username: "zoe", Domain: "remote.example", IRI: "https://remote.example/users/zoe",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(w.ctx, zoe); err != nil {
			t.Fatal(err)
		}
		for _, target := range []int64{bob.ID, zoe.ID} {
			if err := w.svc.BlockAccount(w.ctx, alice, target); err != nil {
				t.Fatal(err)
			}
		}

		refused := map[string]error{}
		_, refused["bob follows alice"] = w.svc.FollowAccount(w.ctx, bob, "alice")
		_, refused["bob follows alice's board"] = w.svc.FollowBoard(w.ctx, bob, board.ID)
		_, refused["alice follows bob"] = w.svc.FollowAccount(w.ctx, alice, "bob")
		_, refused["zoe follows alice from her server"] = w.svc.AcceptRemoteFollow(w.ctx, zoe, alice.ID, 0, "https://remote.example/follows/1")
		_, refused["zoe follows alice's board"] = w.svc.AcceptRemoteFollow(w.ctx, zoe, 0, board.ID, "https://remote.example/follows/2")
		for what, err := range refused {
			if corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
				t.Errorf("%s while blocked: %v; want it refused", what, err)
			}
		}
		if n, _, err := w.svc.FollowCounts(w.ctx, alice.ID, 0); err != nil || n != 0 {
			t.Errorf("alice has %d followers (%v); want none", n, err)
		}

		blocked, err := w.svc.BlockedPeople(w.ctx, alice, 10)
		if err != nil || len(blocked) != 2 {
			t.Fatalf("alice's block list = %d (%v); want bob and zoe", len(blocked), err)
		}
		rs, err := w.svc.Relationships(w.ctx, bob, []int64{alice.ID})
		if err != nil || len(rs) != 1 || !rs[0].BlockedBy || rs[0].Blocking {
			t.Errorf("bob's relationship with alice = %+v (%v); want blocked by her", rs, err)
		}

		if err := w.svc.UnblockAccount(w.ctx, alice, bob.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.UnblockAccount(w.ctx, alice, bob.ID); err != nil {
			t.Errorf("unblocking twice: %v", err)
		}
		if _, err := w.svc.FollowAccount(w.ctx, bob, "alice"); err != nil {
			t.Errorf("bob follows alice after the unblock: %v", err)
		}
		if blocked, _ := w.svc.BlockedPeople(w.ctx, alice, 10); len(blocked) != 1 || blocked[0].ID != zoe.ID {
			t.Errorf("alice's block list after unblocking bob = %v; want zoe only", blocked)
		}
	})
}
