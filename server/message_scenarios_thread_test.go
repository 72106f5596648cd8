package server_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestActOnPinFromThreadAcrossServers: alice@A sends bob@B a pin. bob,
// signed in on B, opens the thread and uses the buttons of the pin's
// card as a browser would (the forms as B rendered them, with his
// session and CSRF token): accept, save, like, follow the board, follow
// alice. Each reaches A and takes effect there: the save as an Announce,
// the like, bob as a follower of the board and of alice; each follow is
// accepted back on B.
func TestActOnPinFromThreadAcrossServers(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			testActOnPinFromThread(t, kind)
		})
	}
}

func testActOnPinFromThread(t *testing.T, kind string) {
	ctx := context.Background()
	net := messageNetwork(t, kind, "A", "B")
	a, b := net[0], net[1]
	alice, bob := a.CreateUser(t, "alice"), b.CreateUser(t, "bob")
	lamps := a.CreateBoard(t, alice, "Lamps")
	pin := a.CreatePin(t, alice, lamps, "a brass lamp")
	b.CreateBoard(t, bob, "Saved lamps")
	bobOnA := resolveOn(t, a, b.Handle("bob"))

	sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "this one?", corkboard.MessageAttachment{PinID: pin.ID})
	if err != nil {
		t.Fatalf("alice sends: %v", err)
	}
	got := messageArrives(t, b, a.Service().MessageIRI(sent))
	thread := "/messages/" + strconv.FormatInt(got.ConversationID, 10)

	browser := signInAt(t, b, "bob")
	browser.use(thread, "thread__tools", "/accept") // a request: he does not follow alice
	pinPath := "/pins/" + strconv.FormatInt(got.Attachment.PinID, 10)
	browser.use(thread, "msg-card", pinPath+"/save")
	browser.use(thread, "msg-card", pinPath+"/like")
	boardFollow := browser.use(thread, "msg-card", "/follow", "/boards/")
	browser.use(thread, "msg-card", "/@alice@"+a.Host+"/follow")

	// On A: the save (an Announce) and the like count on alice's pin;
	// bob follows her board and her.
	processedOn(t, a, "Announce", a.PinIRI(pin))
	processedOn(t, a, "Like", a.PinIRI(pin))
	servertest.Eventually(t, messageWait, "A to count bob's save and like", func() bool {
		p, err := a.Service().Pin(ctx, nil, pin.ID)
		return err == nil && p.LikeCount == 1 && p.SaveCount == 1
	})
	followsAccepted(t, a, bobOnA.ID, []followTarget{{"alice's board", 0, lamps.ID}, {"alice", alice.ID, 0}})
	for _, f := range []followTarget{{"alice's board", 0, lamps.ID}, {"alice", alice.ID, 0}} {
		if n, _, err := a.Service().FollowCounts(ctx, f.account, f.boardID); err != nil || n != 1 {
			t.Errorf("followers of %s on A = %d, %v; want bob", f.what, n, err)
		}
	}

	// On B: both follows accepted.
	boardOnB, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(boardFollow, "/boards/"), "/follow"), 10, 64)
	if err != nil {
		t.Fatalf("board follow form %q: %v", boardFollow, err)
	}
	followsAccepted(t, b, bob.ID, []followTarget{{"alice's board", 0, boardOnB}, {"alice", got.SenderID, 0}})
	// The follows' effects can commit a moment before their Accepts are
	// marked processed in B's inbox log: wait for the log too.
	servertest.Eventually(t, messageWait, "B to mark both Accepts (the board, alice) processed", func() bool {
		accepts := 0
		for _, r := range b.Inbox(t) {
			if r.Type == "Accept" && r.Processed {
				accepts++
			}
		}
		return accepts == 2
	})

	// The card now shows what bob did.
	page := browser.get(thread)
	wantBody(t, "thread after acting", page, `like-button__label">Liked<`)
	if n := strings.Count(page.body, `aria-pressed="true">Following`); n != 2 {
		t.Errorf("the card shows %d Following buttons, want 2 (alice, her board)", n)
	}
}

// followTarget is a person (account) or a board (boardID) one follows.
type followTarget struct {
	what             string
	account, boardID int64
}

// followsAccepted waits until in stores follower's follow of each target,
// accepted.
func followsAccepted(t *testing.T, in *servertest.Instance, follower int64, targets []followTarget) {
	t.Helper()
	for _, f := range targets {
		servertest.Eventually(t, messageWait, in.Name+" to store an accepted follow of "+f.what, func() bool {
			fo, err := in.Server.Store().FindFollow(context.Background(), follower, f.account, f.boardID)
			return err == nil && !fo.Pending
		})
	}
}

// use opens a page and submits the form, inside an element of class
// within, whose action ends with suffix (and starts with prefix, if one
// is given), as the page rendered it. The form must bring the person back
// to the page. It returns the form's action.
func (b *instanceBrowser) use(path, within, suffix string, prefix ...string) string {
	b.t.Helper()
	page := b.get(path)
	if page.status != http.StatusOK {
		b.t.Fatalf("%s: GET %s: %d\n%s", b.in.Name, path, page.status, page.body)
	}
	for _, f := range pageForms(b.t, page.body, within) {
		if !strings.HasSuffix(f.action, suffix) || (len(prefix) > 0 && !strings.HasPrefix(f.action, prefix[0])) {
			continue
		}
		r := b.submit(f)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != path {
			b.t.Fatalf("%s: POST %s: %d to %q, want 303 back to %s\n%s", b.in.Name, f.action, r.status,
				r.header.Get("Location"), path, r.body)
		}
		return f.action
	}
	b.t.Fatalf("%s: no form %s*%s in .%s of %s\n%s", b.in.Name, strings.Join(prefix, ""), suffix, within, path, page.body)
	return ""
}
