package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// A long thread opens at its newest messages with a link back to the
// earlier ones, and a long inbox pages to older conversations: nothing
// past the first page is out of reach.
func TestWebMessagesPage(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		ctx, svc := context.Background(), env.srv.Service()
		alice := env.signedIn("alice", false)
		me, err := env.db.AccountByUsername(ctx, "alice")
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.SetMessagePolicy(ctx, me, corkboard.MessagesFromEveryone); err != nil {
			t.Fatal(err)
		}

		// 51 people each start a conversation with alice; the first
		// one then writes 60 messages in it.
		var first *corkboard.Account
		var conv int64
		for i := range 51 {
			a := env.createAccount(fmt.Sprintf("friend%02d", i), false)
			m, err := svc.SendMessage(ctx, a, []int64{me.ID}, fmt.Sprintf("hello from friend%02d", i), corkboard.MessageAttachment{})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first, conv = a, m.ConversationID
			}
		}
		for i := range 60 {
			if _, err := svc.Reply(ctx, first, conv, fmt.Sprintf("line %02d", i), corkboard.MessageAttachment{}); err != nil {
				t.Fatal(err)
			}
		}

		// The thread: the newest 50 (lines 10..59), then the rest.
		thread := alice.get(fmt.Sprintf("/messages/%d", conv))
		wantBody(t, "thread", thread, "line 59", "line 10", "Earlier messages")
		if strings.Contains(thread.body, "line 09") || strings.Contains(thread.body, "hello from friend00") {
			t.Fatalf("the first page of the thread shows more than the newest 50 messages")
		}
		earlier := linkAfter(t, thread.body, `<p class="more-link"><a class="btn btn-secondary btn-sm" href="`)
		older := alice.get(earlier)
		wantBody(t, "earlier messages", older, "hello from friend00", "line 00", "line 09")
		if strings.Contains(older.body, "line 10") || strings.Contains(older.body, "Earlier messages") {
			t.Fatalf("the earlier page repeats messages or links further back than the start")
		}

		// The inbox: 50 conversations, then the oldest one.
		inbox := alice.get("/messages")
		wantBody(t, "inbox", inbox, "Older conversations", "line 59")
		if strings.Contains(inbox.body, "hello from friend01<") {
			t.Fatalf("the first inbox page shows 51 conversations")
		}
		next := linkAfter(t, inbox.body, `<p class="more-link"><a class="btn btn-secondary" href="`)
		wantBody(t, "older conversations", alice.get(next), "hello from friend01")
	})
}

// linkAfter returns the (HTML-escaped) URL that follows prefix in body.
func linkAfter(t *testing.T, body, prefix string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, prefix)
	if !ok {
		t.Fatalf("no link after %q", prefix)
	}
	link, _, _ := strings.Cut(rest, `"`)
	return strings.ReplaceAll(link, "&amp;", "&")
}

// A thread page costs the same number of statements with 2 pin cards as
// with 8: the viewer's follows of the cards' owners and boards are loaded
// together, not per card.
func TestWebThreadQueryCountDoesNotGrow(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		ctx, svc := context.Background(), env.srv.Service()
		alice, bob := env.signedIn("alice", false), env.signedIn("bob", false)
		me, err := env.db.AccountByUsername(ctx, "alice")
		if err != nil {
			t.Fatal(err)
		}
		bobAcct, err := env.db.AccountByUsername(ctx, "bob")
		if err != nil {
			t.Fatal(err)
		}
		boards := []*corkboard.Board{env.createBoard(alice, "alice", "Lamps", false), env.createBoard(alice, "alice", "Chairs", false)}
		env.createBoard(bob, "bob", "Saved", false) // so that each card offers Save
		send := func(i int) int64 {
			p := env.uploadPin(alice, boards[i%2], fmt.Sprintf("pin %d", i), "")
			m, err := svc.SendMessage(ctx, me, []int64{bobAcct.ID}, "", corkboard.MessageAttachment{PinID: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			return m.ConversationID
		}
		conv := send(0)
		send(1)
		db, ok := env.srv.Store().(*storage.DB)
		if !ok {
			t.Fatalf("the server's store is a %T", env.srv.Store())
		}
		qc := storagetest.CountQueries(t, db)
		count := func(cards int) int64 {
			qc.Reset()
			r := bob.get(fmt.Sprintf("/messages/%d", conv))
			wantStatus(t, "thread", r, http.StatusOK)
			if got := strings.Count(r.body, `/save"`); got != cards {
				t.Fatalf("the thread shows %d Save forms, want %d", got, cards)
			}
			return qc.Count()
		}
		two := count(2)
		for i := 2; i < 8; i++ {
			send(i)
		}
		if eight := count(8); eight != two {
			t.Errorf("thread page: %d statements for 2 pin cards, %d for 8; want the same", two, eight)
		}
	})
}
