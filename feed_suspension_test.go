package corkboard_test

import (
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// A suspended person's pins leave every listing of several people's pins
// (a follower's home feed, tag pages, search) and their boards leave
// board search; unsuspending brings them back, as nothing was deleted.
func TestSuspendedPeopleLeaveFeedsTagsAndSearch(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		mallory, bob := w.person("mallory"), w.person("bob")
		admin, err := w.svc.CreateAccount(w.ctx, corkboard.NewAccount{Username: "root", Password: "password1", Approved: true, IsAdmin: true})
		if err != nil {
			t.Fatal(err)
		}
		w.pin(mallory, w.board(mallory, "Zanzibar spam", false), "zanzibar #offers")
		w.pin(bob, w.board(bob, "Zanzibar trips", false), "zanzibar #offers")
		if _, err := w.svc.FollowAccount(w.ctx, bob, "mallory"); err != nil {
			t.Fatal(err)
		}
		owners := func(page *corkboard.Page, err error) []string {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, p := range page.Pins {
				out = append(out, p.Account.Username)
			}
			return out
		}
		boardOwners := func() []string {
			bs, err := w.svc.SearchBoards(w.ctx, bob, "zanzibar", 10)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, b := range bs {
				out = append(out, b.Account.Username)
			}
			return out
		}
		listings := func() map[string][]string {
			return map[string][]string{
				"home":   owners(w.svc.HomeFeed(w.ctx, bob, 0, 10)),
				"tag":    owners(w.svc.TagPins(w.ctx, nil, "offers", 0, 10)),
				"search": owners(w.svc.SearchPins(w.ctx, nil, "zanzibar", 0, 10)),
				"boards": boardOwners(),
			}
		}
		for name, got := range listings() {
			if len(got) != 2 {
				t.Fatalf("before the suspension, %s shows %v; want mallory and bob", name, got)
			}
		}
		if _, err := w.svc.SuspendAccount(w.ctx, admin, mallory.ID, "spam"); err != nil {
			t.Fatal(err)
		}
		for name, got := range listings() {
			if len(got) != 1 || got[0] != "bob" {
				t.Errorf("with mallory suspended, %s shows %v; want bob only", name, got)
			}
		}
		if _, err := w.svc.FollowAccount(w.ctx, w.person("carol"), "mallory"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("following a suspended person: %v; want not found", err)
		}
		if _, err := w.svc.UnsuspendAccount(w.ctx, admin, mallory.ID); err != nil {
			t.Fatal(err)
		}
		for name, got := range listings() {
			if len(got) != 2 {
				t.Errorf("after unsuspending, %s shows %v; want mallory and bob again", name, got)
			}
		}
	})
}
