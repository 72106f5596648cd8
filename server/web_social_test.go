package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Likes, saves, comments and follows made with the pages' forms change
// what the pages count, and each answers 303 back to the page it was on.
func TestWebSocialForms(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice, bob := env.signedIn("alice", false), env.signedIn("bob", false)
		board := env.createBoard(alice, "alice", "Cakes", false)
		p := env.uploadPin(alice, board, "Lemon drizzle", "")
		pinPath := "/pins/" + id(p.ID)
		back := url.Values{"return_to": {pinPath}}
		wantBody(t, "before", bob.get(pinPath), "0 likes · 0 saves · 0 comments", `aria-pressed="false"`)

		action := func(what, path string, form url.Values, wantLocation string) {
			t.Helper()
			r := bob.post(path, form)
			wantStatus(t, what, r, http.StatusSeeOther)
			if loc := r.header.Get("Location"); loc != wantLocation {
				t.Fatalf("%s: Location %q, want %q", what, loc, wantLocation)
			}
		}
		action("like", pinPath+"/like", back, pinPath)
		action("like again", pinPath+"/like", back, pinPath)
		bobsBoard := env.createBoard(bob, "bob", "Saved cakes", false)
		action("save", pinPath+"/save", url.Values{"board_id": {id(bobsBoard.ID)}, "return_to": {pinPath}}, pinPath)
		action("comment", pinPath+"/comments", url.Values{"text": {"Looks great!"}}, pinPath+"#comments")
		r := bob.get(pinPath)
		wantBody(t, "after", r, "1 like · 1 save · 1 comment", `aria-pressed="true"`, "Looks great!", "Saved to “Saved cakes”.")
		wantBody(t, "bob's board", bob.get("/@bob/"+bobsBoard.Slug), "1 pin", `/media/`+p.Image.Variant(236).Key)

		action("follow alice", "/@alice/follow", url.Values{"return_to": {"/@alice"}}, "/@alice")
		wantBody(t, "alice's profile", bob.get("/@alice"), "1 follower", `aria-pressed="true">Following`)
		wantBody(t, "bob's profile", bob.get("/@bob"), "<strong>1</strong> following")
		action("follow board", "/boards/"+id(board.ID)+"/follow", url.Values{"return_to": {"/@alice/" + board.Slug}}, "/@alice/"+board.Slug)
		wantBody(t, "board", bob.get("/@alice/"+board.Slug), "1 follower", `action="/boards/`+id(board.ID)+`/unfollow"`)

		action("unlike", pinPath+"/unlike", back, pinPath)
		action("unfollow board", "/boards/"+id(board.ID)+"/unfollow", nil, "/")
		action("unfollow alice", "/@alice/unfollow", nil, "/@alice")
		wantBody(t, "after undoing", bob.get(pinPath), "0 likes · 1 save · 1 comment", `action="/@alice/follow"`, `action="/boards/`+id(board.ID)+`/follow"`)

		action("empty comment", pinPath+"/comments", url.Values{"text": {"  "}}, pinPath+"#comments")
		wantBody(t, "empty comment notice", bob.get(pinPath), "Write something first.", "1 comment")
		action("follow yourself", "/@bob/follow", nil, "/@bob")
		wantBody(t, "self-follow notice", bob.get("/@bob"), "You cannot follow yourself.")
		action("unsafe return_to is ignored", pinPath+"/like", url.Values{"return_to": {"//evil.example/"}}, pinPath)
	})
}

// Comments are deleted by their author or the pin's owner, nobody else.
func TestWebDeleteComment(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice, bob, carol := env.signedIn("alice", false), env.signedIn("bob", false), env.signedIn("carol", false)
	p := env.uploadPin(alice, env.createBoard(alice, "alice", "Cakes", false), "Cake", "")
	pinPath := "/pins/" + id(p.ID)
	wantStatus(t, "comment", bob.post(pinPath+"/comments", url.Values{"text": {"first"}}), http.StatusSeeOther)
	wantStatus(t, "comment", bob.post(pinPath+"/comments", url.Values{"text": {"second"}}), http.StatusSeeOther)
	ids := regexpAll(t, bob.get(pinPath).body, `action="/comments/(\d+)/delete"`)
	if len(ids) != 2 {
		t.Fatalf("bob sees %d delete buttons, want 2", len(ids))
	}
	if r := carol.get(pinPath); strings.Contains(r.body, "/delete\" data-confirm=\"Delete this comment?") {
		t.Fatal("carol is offered to delete bob's comments")
	}
	wantStatus(t, "carol deletes", carol.post("/comments/"+ids[0]+"/delete", nil), http.StatusForbidden)
	wantStatus(t, "bob deletes", bob.post("/comments/"+ids[0]+"/delete", url.Values{"return_to": {pinPath}}), http.StatusSeeOther)
	wantStatus(t, "alice (pin owner) deletes", alice.post("/comments/"+ids[1]+"/delete", nil), http.StatusSeeOther)
	wantBody(t, "after deletes", bob.get(pinPath), "0 comments", "No comments yet.")
}

// Signed-out people may look, but every action sends them to sign in and
// back to the page they were on.
func TestWebSignedOutActions(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice := env.signedIn("alice", false)
	p := env.uploadPin(alice, env.createBoard(alice, "alice", "Cakes", false), "Cake", "")
	pinPath := "/pins/" + id(p.ID)
	visitor := env.browser()
	wantStatus(t, "pin page", visitor.get(pinPath), http.StatusOK)
	for _, path := range []string{pinPath + "/like", pinPath + "/save", pinPath + "/comments", "/@alice/follow"} {
		r := visitor.post(path, url.Values{"return_to": {pinPath}})
		wantStatus(t, path, r, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != "/login?next="+url.QueryEscape(pinPath) {
			t.Fatalf("%s: Location %q", path, loc)
		}
	}
	r := visitor.get("/pins/new")
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?next=%2Fpins%2Fnew" {
		t.Fatalf("pin form signed out: %d %q", r.status, r.header.Get("Location"))
	}
	if n := env.count("likes") + env.count("comments") + env.count("follows"); n != 0 {
		t.Fatalf("signed-out actions stored %d rows", n)
	}
}
