package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestRemoteAccountIDsMatchDomainAndSubdomains(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		ids := map[string]int64{}
		for _, d := range []string{"example.com", "sub.example.com", "example.com:8443", "a.sub.example.com:1",
			"notexample.com", "example.community", "ex_mple.com"} {
			a := remoteAccount(t, db, "u", d)
			ids[d] = a.ID
		}
		got, err := db.RemoteAccountIDs(ctx, "example.com")
		if err != nil {
			t.Fatal(err)
		}
		want := []int64{ids["example.com"], ids["sub.example.com"], ids["example.com:8443"], ids["a.sub.example.com:1"]}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("example.com covers %v, want %v", got, want)
		}
		// '_' is a LIKE wildcard: it must match itself only.
		if got, _ := db.RemoteAccountIDs(ctx, "ex_mple.com"); len(got) != 1 || got[0] != ids["ex_mple.com"] {
			t.Errorf("ex_mple.com covers %v", got)
		}
	})
}

func TestPurgeAccountRemovesWhatItBrought(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now()
		alice := localAccount(t, db, "alice")
		board := &corkboard.Board{AccountID: alice.ID, Slug: "b", Title: "B", CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreateBoard(ctx, board))
		pin := &corkboard.Pin{AccountID: alice.ID, BoardID: board.ID, Image: corkboard.Image{Key: "k"}, CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreatePin(ctx, pin))

		bob := remoteAccount(t, db, "bob", "remote.example")
		bobBoard := &corkboard.Board{AccountID: bob.ID, Slug: "r", Title: "R", IRI: "https://remote.example/b/r", CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.UpsertRemoteBoard(ctx, bobBoard))
		bobPin := &corkboard.Pin{AccountID: bob.ID, BoardID: bobBoard.ID, IRI: "https://remote.example/n/1",
			Image: corkboard.Image{Key: "remote-key", Variants: []corkboard.ImageVariant{{Width: 236, Key: "remote-236"}}}, CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreatePin(ctx, bobPin))
		mustDo(t, db.CreateFollow(ctx, &corkboard.Follow{FollowerID: alice.ID, TargetAccountID: bob.ID, CreatedAt: now}))
		mustDo(t, db.CreateFollow(ctx, &corkboard.Follow{FollowerID: alice.ID, TargetBoardID: bobBoard.ID, CreatedAt: now}))
		mustDo(t, db.CreateFollow(ctx, &corkboard.Follow{FollowerID: bob.ID, TargetAccountID: alice.ID, CreatedAt: now}))
		mustDo(t, db.FanOut(ctx, bobPin))
		if _, err := db.AddLike(ctx, bob.ID, pin.ID, now); err != nil {
			t.Fatal(err)
		}
		mustDo(t, db.CreateComment(ctx, &corkboard.Comment{PinID: pin.ID, AccountID: bob.ID, Text: "hi", CreatedAt: now}))
		if _, err := db.AddShare(ctx, &corkboard.Share{AccountID: bob.ID, PinID: pin.ID, IRI: "https://remote.example/a/1", CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		mustDo(t, db.AdjustPinCounts(ctx, pin.ID, 1, 1, 1))

		var images []corkboard.Image
		mustDo(t, db.InTx(ctx, func(tx corkboard.Store) error {
			var err error
			images, err = tx.PurgeAccount(ctx, bob.ID)
			return err
		}))
		if len(images) != 1 || images[0].Key != "remote-key" || len(images[0].Variants) != 1 {
			t.Errorf("released images = %+v", images)
		}
		got, err := db.PinByID(ctx, pin.ID)
		if err != nil || got.LikeCount != 0 || got.CommentCount != 0 || got.SaveCount != 0 {
			t.Errorf("alice's pin after purge: %+v, %v", got, err)
		}
		if _, err := db.PinByIRI(ctx, bobPin.IRI); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("bob's pin survived: %v", err)
		}
		if fs, _ := db.FollowsOf(ctx, alice.ID); len(fs) != 0 {
			t.Errorf("follows left: %+v", fs)
		}
		if feed, _, _ := db.HomeFeed(ctx, alice.ID, 0, 10); len(feed) != 0 {
			t.Errorf("alice's feed still has %d pins", len(feed))
		}
		if _, err := db.AccountByID(ctx, bob.ID); err != nil {
			t.Errorf("the account row itself stays: %v", err)
		}
	})
}

func TestInboxActivityByIRI(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		a := &corkboard.InboxActivity{IRI: "https://remote.example/likes/1", Type: "Like", ActorIRI: "https://remote.example/u/bob",
			Raw: []byte(`{"x":1}`), RecipientIDs: []int64{3}, ReceivedAt: time.Now()}
		if _, err := db.SaveInboxActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := db.InboxActivityByIRI(ctx, a.IRI)
		if err != nil || got.ID != a.ID || string(got.Raw) != `{"x":1}` || len(got.RecipientIDs) != 1 {
			t.Fatalf("got %+v, %v", got, err)
		}
		if _, err := db.InboxActivityByIRI(ctx, "https://remote.example/likes/2"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Fatalf("missing activity: %v", err)
		}
	})
}

func localAccount(t *testing.T, db *storage.DB, name string) *corkboard.Account {
	t.Helper()
	now := time.Now()
	a := &corkboard.Account{Username: name, Approved: true, CreatedAt: now, UpdatedAt: now}
	mustDo(t, db.CreateAccount(context.Background(), a, "x"))
	return a
}

func remoteAccount(t *testing.T, db *storage.DB, name, domain string) *corkboard.Account {
	t.Helper()
	now := time.Now()
	a := &corkboard.Account{Username: name, Domain: domain, IRI: "https://" + domain + "/u/" + name, Approved: true,
		CreatedAt: now, UpdatedAt: now, FetchedAt: now}
	mustDo(t, db.UpsertRemoteAccount(context.Background(), a))
	return a
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
