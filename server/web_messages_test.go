package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A pin sent through the Send form reaches bob as a request, then (once
// accepted) as a thread with the pin as a card he can save from; nobody
// else can open the thread.
func TestWebSendPinMessage(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice, bob, eve := env.signedIn("alice", false), env.signedIn("bob", false), env.signedIn("eve", false)
	board := env.createBoard(alice, "alice", "Cakes", false)
	p := env.uploadPin(alice, board, "Lemon drizzle", "https://cakes.example/lemon")
	bobsBoard := env.createBoard(bob, "bob", "Saved cakes", false)

	wantBody(t, "send link", alice.get("/pins/"+id(p.ID)), `href="/send?pin=`+id(p.ID)+`"`)
	wantBody(t, "send form", alice.get("/send?pin="+id(p.ID)), `name="to"`, "A pin")
	r := alice.post("/send?pin="+id(p.ID), url.Values{"to": {"@nobody"}, "text": {"hi"}})
	wantStatus(t, "unknown person", r, http.StatusUnprocessableEntity)
	wantBody(t, "unknown person", r, "Nobody called @nobody here.")

	r = alice.post("/send?pin="+id(p.ID), url.Values{"to": {"@bob"}, "text": {"Try this one!"}})
	wantStatus(t, "send", r, http.StatusSeeOther)
	thread := r.header.Get("Location")
	if !strings.HasPrefix(thread, "/messages/") {
		t.Fatalf("send redirects to %q", thread)
	}

	// Bob does not follow alice: it is a request, not in his list.
	wantBody(t, "badge", bob.get("/"), `class="nav-badge" data-unread="1"`)
	if r := bob.get("/messages"); strings.Contains(r.body, thread) {
		t.Fatalf("a request is in the conversation list")
	}
	wantBody(t, "requests", bob.get("/messages/requests"), "Requests (1)", thread, "About the pin")
	wantStatus(t, "accept", bob.post(thread+"/accept", nil), http.StatusSeeOther)
	wantBody(t, "list after accept", bob.get("/messages"), thread, "Try this one!", "Requests (0)")

	r = bob.get(thread)
	wantStatus(t, "thread", r, http.StatusOK)
	wantBody(t, "thread", r, "Try this one!", `action="/pins/`+id(p.ID)+`/save"`, `action="/pins/`+id(p.ID)+`/like"`,
		`action="/@alice/follow"`, `action="/boards/`+id(board.ID)+`/follow"`, "cakes.example")
	if r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("thread Cache-Control %q", r.header.Get("Cache-Control"))
	}
	if strings.Contains(bob.get("/").body, "nav-badge") {
		t.Fatalf("badge still shown after reading")
	}
	r = bob.post("/pins/"+id(p.ID)+"/save", url.Values{"board_id": {id(bobsBoard.ID)}, "return_to": {thread}})
	wantStatus(t, "save from thread", r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != thread {
		t.Fatalf("save redirects to %q, want %q", loc, thread)
	}
	wantBody(t, "bob's board", bob.get("/@bob/"+bobsBoard.Slug), "1 pin")

	wantStatus(t, "reply", bob.post(thread, url.Values{"text": {"Lovely"}}), http.StatusSeeOther)
	wantBody(t, "alice sees reply", alice.get(thread), "Lovely")

	wantStatus(t, "eve's thread", eve.get(thread), http.StatusNotFound)
	wantStatus(t, "eve's reply", eve.post(thread, url.Values{"text": {"x"}}), http.StatusNotFound)

	wantStatus(t, "policy", bob.post("/settings/messages", url.Values{"policy": {"everyone"}}), http.StatusSeeOther)
	wantBody(t, "policy", bob.get("/settings/messages"), `value="everyone" checked`)
}
