package corkboard_test

import (
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestSaveLikeCommentCounts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		orig := w.pin(alice, w.board(alice, "Recipes", false), "soup")
		bobBoard := w.board(bob, "Saved", false)

		saved, err := w.svc.SavePin(w.ctx, bob, orig.ID, bobBoard.ID)
		if err != nil {
			t.Fatal(err)
		}
		if saved.SavedFromID != orig.ID || saved.Image.Key != orig.Image.Key || saved.BoardID != bobBoard.ID {
			t.Fatalf("saved copy = %+v", saved)
		}
		// Saving a save credits the first pin.
		carol := w.person("carol")
		again, err := w.svc.SavePin(w.ctx, carol, saved.ID, w.board(carol, "Mine", false).ID)
		if err != nil || again.SavedFromID != orig.ID {
			t.Fatalf("save of a save: %+v, %v; want saved from %d", again, err, orig.ID)
		}
		for i := 0; i < 2; i++ { // liking twice counts once
			if _, err := w.svc.LikePin(w.ctx, bob, orig.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.svc.Comment(w.ctx, bob, orig.ID, "  looks great  "); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Comment(w.ctx, bob, orig.ID, "   "); corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Fatalf("empty comment: %v, want EINVALID", err)
		}
		got, _ := w.svc.Pin(w.ctx, bob, orig.ID)
		if got.SaveCount != 2 || got.LikeCount != 1 || got.CommentCount != 1 || !got.LikedByMe {
			t.Fatalf("counts: saves %d likes %d comments %d likedByMe %v; want 2 1 1 true", got.SaveCount, got.LikeCount, got.CommentCount, got.LikedByMe)
		}
		cs, err := w.svc.Comments(w.ctx, nil, orig.ID, 0, 10)
		if err != nil || len(cs) != 1 || cs[0].Text != "looks great" || cs[0].Account.Username != "bob" {
			t.Fatalf("comments = %+v, %v", cs, err)
		}
		if _, err := w.svc.UnlikePin(w.ctx, bob, orig.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.DeletePin(w.ctx, bob, saved.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.DeletePin(w.ctx, bob, orig.ID); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("bob deletes alice's pin: %v, want EFORBIDDEN", err)
		}
		got, _ = w.svc.Pin(w.ctx, alice, orig.ID)
		if got.SaveCount != 1 || got.LikeCount != 0 {
			t.Fatalf("after unlike and deleting one save: saves %d likes %d; want 1 0", got.SaveCount, got.LikeCount)
		}
		// The original's owner deletes it; carol's copy keeps its image.
		if err := w.svc.DeletePin(w.ctx, alice, orig.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := w.store.Open(w.ctx, again.Image.Key); err != nil {
			t.Fatalf("a saved copy lost its image when the original was deleted: %v", err)
		}
	})
}

func TestFollowFeedsAndUnfollow(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		recipes, travel := w.board(alice, "Recipes", false), w.board(alice, "Travel", false)
		old := w.pin(alice, recipes, "old recipe")

		if _, err := w.svc.FollowBoard(w.ctx, bob, recipes.ID); err != nil {
			t.Fatal(err)
		}
		fresh := w.pin(alice, recipes, "new recipe")
		trip := w.pin(alice, travel, "trip")
		home, _ := w.svc.HomeFeed(w.ctx, bob, 0, 50)
		if ids := pinIDs(home.Pins); len(ids) != 2 || ids[0] != fresh.ID || ids[1] != old.ID {
			t.Fatalf("board follower's feed = %v, want [%d %d] (backfilled, newest first, no other board)", ids, fresh.ID, old.ID)
		}
		if _, err := w.svc.FollowAccount(w.ctx, bob, "alice"); err != nil {
			t.Fatal(err)
		}
		home, _ = w.svc.HomeFeed(w.ctx, bob, 0, 50)
		if !containsPin(home.Pins, trip.ID) {
			t.Fatalf("following alice did not bring her travel pin: %v", pinIDs(home.Pins))
		}
		if err := w.svc.UnfollowAccount(w.ctx, bob, "alice"); err != nil {
			t.Fatal(err)
		}
		home, _ = w.svc.HomeFeed(w.ctx, bob, 0, 50)
		if containsPin(home.Pins, trip.ID) || !containsPin(home.Pins, fresh.ID) {
			t.Fatalf("after unfollowing alice (still following Recipes): %v", pinIDs(home.Pins))
		}
		if err := w.svc.UnfollowBoard(w.ctx, bob, recipes.ID); err != nil {
			t.Fatal(err)
		}
		home, _ = w.svc.HomeFeed(w.ctx, bob, 0, 50)
		if len(home.Pins) != 0 {
			t.Fatalf("feed after unfollowing everything: %v", pinIDs(home.Pins))
		}
		if _, err := w.svc.FollowAccount(w.ctx, bob, "bob"); corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Fatalf("following oneself: %v, want EINVALID", err)
		}
	})
}

func TestSearchAndKeysetPages(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice := w.person("alice")
		b := w.board(alice, "Kitchen ideas", false)
		var made []int64
		for _, d := range []string{"lemon tart", "Lemony pasta #dinner", "green salad", "tomato soup #dinner", "bread"} {
			made = append(made, w.pin(alice, b, d).ID)
		}
		tests := []struct {
			query string
			want  []int64
		}{
			{"lemon", []int64{made[1], made[0]}},   // prefix match while typing
			{"dinner", []int64{made[3], made[1]}},  // tags
			{"tomato soup", []int64{made[3]}},      // every word must match
			{`"); DROP TABLE pins; --`, []int64{}}, // no query syntax reaches the database
			{"salads", []int64{made[2]}},           // stemming
		}
		for _, tt := range tests {
			page, err := w.svc.SearchPins(w.ctx, nil, tt.query, 0, 10)
			if err != nil {
				t.Fatalf("search %q: %v", tt.query, err)
			}
			if got := pinIDs(page.Pins); len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("search %q = %v, want %v", tt.query, got, tt.want)
			}
		}
		var seen []int64
		var cursor int64
		for pages := 0; ; pages++ {
			page, err := w.svc.BoardPins(w.ctx, nil, b.ID, cursor, 2)
			if err != nil || pages > 5 {
				t.Fatalf("paging: %v after %d pages", err, pages)
			}
			seen = append(seen, pinIDs(page.Pins)...)
			if cursor = page.Next; cursor == 0 {
				break
			}
		}
		if len(seen) != 5 || seen[0] != made[4] || seen[4] != made[0] {
			t.Fatalf("pages = %v, want all five newest first", seen)
		}
		people, _ := w.svc.SearchPeople(w.ctx, "@ALI", 10)
		boards, _ := w.svc.SearchBoards(w.ctx, nil, "kitchen", 10)
		if len(people) != 1 || len(boards) != 1 || boards[0].Account.Username != "alice" || boards[0].Cover == nil {
			t.Fatalf("people %v boards %v", people, boards)
		}
	})
}
