package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestThreeInstanceScenario runs three complete instances over real HTTP:
// alice on A follows bob on B (a person) and carol's recipes board on C
// (not carol herself). What each of them does must reach exactly the
// servers it concerns: pins, Announces, likes, saves, comments, edits,
// an unfollow and deletes, checked on the receiving side and, where
// something must not arrive, in the sender's queue and the receiver's
// inbox log.
func TestThreeInstanceScenario(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			w := newTrio(t, kind)
			w.follows(t)
			tart := w.personPinArrives(t)
			soup := w.boardPinArrives(t)
			w.otherBoardStaysHome(t)
			w.interactions(t, tart, soup)
			w.editReaches(t, tart)
			w.deleteReaches(t)
			w.unfollowStops(t)
			w.deleteReachesFormerFollower(t, tart)
			t.Logf("scenario on %s took %s", kind, time.Since(start).Round(time.Millisecond))
		})
	}
}

// follows: alice follows bob and carol's board by handle; both accept.
func (w *trio) follows(t *testing.T) {
	t.Helper()
	var err error
	if w.aliceFollowsBob, err = w.a.Service().FollowRemote(w.ctx, w.alice, w.bobHandle); err != nil {
		t.Fatalf("follow %s: %v", w.bobHandle, err)
	}
	if w.aliceFollowsRecipes, err = w.a.Service().FollowRemote(w.ctx, w.alice, "@carol.recipes@"+w.c.Host); err != nil {
		t.Fatalf("follow carol's board: %v", err)
	}
	if w.aliceFollowsRecipes.TargetBoardID == 0 {
		t.Fatalf("@carol.recipes@%s followed as %+v, not as a board", w.c.Host, w.aliceFollowsRecipes)
	}
	servertest.Eventually(t, scenarioWait, "both follows to be accepted", func() bool {
		for _, fo := range []*corkboard.Follow{w.aliceFollowsBob, w.aliceFollowsRecipes} {
			got, err := w.a.Server.Store().FindFollow(w.ctx, w.alice.ID, fo.TargetAccountID, fo.TargetBoardID)
			if err != nil || got.Pending {
				return false
			}
		}
		return true
	})
	if n, _, err := w.b.Service().FollowCounts(w.ctx, w.bob.ID, 0); err != nil || n != 1 {
		t.Errorf("bob's followers on B = %d, %v; want alice", n, err)
	}
	if n, _, err := w.c.Service().FollowCounts(w.ctx, 0, w.carolRecipes.ID); err != nil || n != 1 {
		t.Errorf("carol's recipes followers on C = %d, %v; want alice", n, err)
	}
	if n, _, err := w.c.Service().FollowCounts(w.ctx, w.carol.ID, 0); err != nil || n != 0 {
		t.Errorf("carol's own followers on C = %d, %v; want none (alice follows the board only)", n, err)
	}
}

// personPinArrives: bob's pin reaches alice's home feed on A, its image
// and thumbnails stored on A (never hotlinked from B).
func (w *trio) personPinArrives(t *testing.T) *corkboard.Pin {
	t.Helper()
	tart := w.b.CreatePin(t, w.bob, w.bobBoard, "Lemon tart")
	got := w.arrived(t, w.a, w.b.PinIRI(tart))
	feed, err := w.a.Service().HomeFeed(w.ctx, w.alice, 0, 20)
	if err != nil || len(feed.Pins) == 0 || feed.Pins[0].ID != got.ID {
		t.Fatalf("alice's home feed on A lacks bob's pin (%v)", err)
	}
	if !strings.HasPrefix(got.RemoteImageURL, w.b.URL+"/media/") {
		t.Errorf("the copy's image came from %q, want B's media", got.RemoteImageURL)
	}
	if len(got.Image.Variants) == 0 {
		t.Fatal("the copy on A has no thumbnails")
	}
	for _, key := range append([]string{got.Image.Key}, variantKeys(got.Image)...) {
		if status := w.a.MediaStatus(t, key); status != 200 {
			t.Errorf("A serves its copy's file %s with %d, want 200", key, status)
		}
	}
	return tart
}

func variantKeys(im corkboard.Image) []string {
	keys := make([]string, len(im.Variants))
	for i, v := range im.Variants {
		keys[i] = v.Key
	}
	return keys
}

// boardPinArrives: carol's pin on the board alice follows reaches A by
// the board's Announce (carol's own Create has no follower there).
func (w *trio) boardPinArrives(t *testing.T) *corkboard.Pin {
	t.Helper()
	soup := w.c.CreatePin(t, w.carol, w.carolRecipes, "Leek soup")
	iri := w.c.PinIRI(soup)
	got := w.arrived(t, w.a, iri)
	board, err := w.a.Server.Store().BoardByIRI(w.ctx, w.carolBoardIRI)
	if err != nil || got.BoardID != board.ID {
		t.Errorf("the copy is on board %d, want carol's recipes (%+v, %v)", got.BoardID, board, err)
	}
	about := w.mentioning(t, w.a, iri)
	if len(about) != 1 || about[0].Type != "Announce" || about[0].Actor != w.carolBoardIRI {
		t.Errorf("A received %+v about the pin; want only the board's Announce", about)
	}
	return soup
}

// otherBoardStaysHome: carol's pin on a board alice does not follow is
// not even sent to A: C queues nothing for A in the transaction that
// makes the pin. A later pin on the followed board arrives, and the
// other one still has not.
func (w *trio) otherBoardStaysHome(t *testing.T) {
	t.Helper()
	before := len(w.sentTo(t, w.c, w.a))
	yarn := w.c.CreatePin(t, w.carol, w.carolCrafts, "Yarn bowl")
	if after := len(w.sentTo(t, w.c, w.a)); after != before {
		t.Fatalf("C queued %d deliveries to A for a pin on a board A does not follow", after-before)
	}
	w.arrived(t, w.a, w.c.PinIRI(w.c.CreatePin(t, w.carol, w.carolRecipes, "Pea soup")))
	if p := w.a.RemotePin(t, w.c.PinIRI(yarn)); p != nil {
		t.Fatalf("A has carol's pin from a board alice does not follow: %+v", p)
	}
	if got := w.mentioning(t, w.a, w.c.PinIRI(yarn)); len(got) != 0 {
		t.Fatalf("A received %d activities about it", len(got))
	}
}

// interactions: alice likes and comments on bob's pin and saves carol's;
// each reaches the pin's own server and shows in its counts.
func (w *trio) interactions(t *testing.T, tart, soup *corkboard.Pin) {
	t.Helper()
	tartHere, soupHere := w.a.RemotePin(t, w.b.PinIRI(tart)), w.a.RemotePin(t, w.c.PinIRI(soup))
	w.likeUnlikeLike(t, tart, tartHere)
	if _, err := w.a.Service().SavePin(w.ctx, w.alice, soupHere.ID, w.aliceBoard.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.a.Service().Comment(w.ctx, w.alice, tartHere.ID, "Looks perfect!"); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "B to count alice's comment", func() bool {
		return w.pinAt(t, w.b, tart.ID).CommentCount == 1
	})
	servertest.Eventually(t, scenarioWait, "C to count alice's save", func() bool {
		return w.pinAt(t, w.c, soup.ID).SaveCount == 1
	})
	comments, err := w.b.Service().Comments(w.ctx, nil, tart.ID, 0, 10)
	if err != nil || len(comments) != 1 {
		t.Fatalf("comments on B = %d, %v", len(comments), err)
	}
	if c := comments[0]; c.Text != "Looks perfect!" || c.Account == nil || c.Account.Acct() != "alice@"+w.a.Host {
		t.Errorf("B shows the comment as %q by %+v, want alice@%s's", c.Text, c.Account, w.a.Host)
	}
}

// likeUnlikeLike: alice's like counts on B, her unlike takes it back,
// and liking again counts again: each like is a new activity (receivers
// keep every activity id once, and an undone one for good).
func (w *trio) likeUnlikeLike(t *testing.T, tart, tartHere *corkboard.Pin) {
	t.Helper()
	for i, like := range []bool{true, false, true} {
		var err error
		if like {
			_, err = w.a.Service().LikePin(w.ctx, w.alice, tartHere.ID)
		} else {
			_, err = w.a.Service().UnlikePin(w.ctx, w.alice, tartHere.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		want := map[bool]int{true: 1, false: 0}[like]
		servertest.Eventually(t, scenarioWait, fmt.Sprintf("B's like_count to be %d after step %d", want, i+1), func() bool {
			return w.pinAt(t, w.b, tart.ID).LikeCount == want
		})
	}
}

// editReaches: bob edits his pin's description; A's copy follows.
func (w *trio) editReaches(t *testing.T, tart *corkboard.Pin) {
	t.Helper()
	_, err := w.b.Service().UpdatePin(w.ctx, w.bob, tart.ID, corkboard.PinEdit{Title: tart.Title,
		Description: "Now with meringue #baking", AltText: tart.AltText, Link: tart.Link})
	if err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "A's copy to show the edit", func() bool {
		p := w.a.RemotePin(t, w.b.PinIRI(tart))
		return p != nil && p.Description == "Now with meringue #baking"
	})
}

// deleteReaches: a pin bob deletes disappears from A.
func (w *trio) deleteReaches(t *testing.T) {
	t.Helper()
	crumble := w.b.CreatePin(t, w.bob, w.bobBoard, "Apple crumble")
	iri := w.b.PinIRI(crumble)
	w.arrived(t, w.a, iri)
	if err := w.b.Service().DeletePin(w.ctx, w.bob, crumble.ID); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "A's copy of the deleted pin to go", func() bool {
		return w.a.RemotePin(t, iri) == nil
	})
}

// unfollowStops: once alice unfollows bob, his next pin is not sent to A
// at all (B queues nothing for it); after B's queue has drained and a
// later pin from C has arrived, A still has neither it nor any activity
// about it.
func (w *trio) unfollowStops(t *testing.T) {
	t.Helper()
	if err := w.a.Service().UnfollowRemote(w.ctx, w.alice, w.bobHandle); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "B to drop alice from bob's followers", func() bool {
		n, _, err := w.b.Service().FollowCounts(w.ctx, w.bob.ID, 0)
		return err == nil && n == 0
	})
	before := len(w.sentTo(t, w.b, w.a))
	pie := w.b.CreatePin(t, w.bob, w.bobBoard, "Cherry pie")
	if after := len(w.sentTo(t, w.b, w.a)); after != before {
		t.Fatalf("B queued %d deliveries to A for a pin after alice unfollowed", after-before)
	}
	w.b.DeliveriesEnded(t, scenarioWait)
	w.arrived(t, w.a, w.c.PinIRI(w.c.CreatePin(t, w.carol, w.carolRecipes, "Bean stew")))
	iri := w.b.PinIRI(pie)
	if p := w.a.RemotePin(t, iri); p != nil {
		t.Fatalf("A has bob's pin from after the unfollow: %+v", p)
	}
	if got := w.mentioning(t, w.a, iri); len(got) != 0 {
		t.Fatalf("A received %d activities about bob's pin from after the unfollow", len(got))
	}
}

// deleteReachesFormerFollower: a Delete goes to every server that
// received the pin, not only to today's followers.
func (w *trio) deleteReachesFormerFollower(t *testing.T, tart *corkboard.Pin) {
	t.Helper()
	iri := w.b.PinIRI(tart)
	if w.a.RemotePin(t, iri) == nil {
		t.Fatal("A no longer has bob's first pin before he deletes it")
	}
	if err := w.b.Service().DeletePin(w.ctx, w.bob, tart.ID); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "A's copy to go although alice no longer follows bob", func() bool {
		return w.a.RemotePin(t, iri) == nil
	})
}
