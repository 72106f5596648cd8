package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

// A secret board and its pins are the owner's alone: for anyone else the
// pages are 404 and the pins are missing from feeds, search and tags,
// even for a follower. The owner sees them, marked with a lock.
func TestWebSecretBoards(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice, bob := env.signedIn("alice", false), env.signedIn("bob", false)
		wantStatus(t, "follow", bob.post("/@alice/follow", nil), http.StatusSeeOther)
		secret := env.createBoard(alice, "alice", "Surprise party", true)
		public := env.createBoard(alice, "alice", "Parties", false)
		hidden := env.uploadPin(alice, secret, "Hidden cake #partyplans", "")
		shown := env.uploadPin(alice, public, "Shown cake #partyplans", "")
		hiddenImg, shownImg := "/media/"+hidden.Image.Variant(236).Key, "/media/"+shown.Image.Variant(236).Key

		wantBody(t, "owner's board", alice.get("/@alice/"+secret.Slug), "Secret board", hiddenImg)
		wantBody(t, "owner's profile", alice.get("/@alice"), "Surprise party", "(secret)")
		wantBody(t, "owner's feed", alice.get("/"), hiddenImg, shownImg)
		for _, who := range []struct {
			name string
			b    *webBrowser
		}{{"bob", bob}, {"visitor", env.browser()}} {
			for _, path := range []string{"/@alice/" + secret.Slug, "/pins/" + id(hidden.ID)} {
				wantStatus(t, who.name+" "+path, who.b.get(path), http.StatusNotFound)
			}
			for _, path := range []string{"/@alice", "/tags/partyplans", "/search?q=cake", "/search?q=surprise"} {
				r := who.b.get(path)
				wantStatus(t, who.name+" "+path, r, http.StatusOK)
				wantNoBody(t, who.name+" "+path, r, hiddenImg, "Surprise party", "Hidden cake")
			}
		}
		wantBody(t, "bob's feed", bob.get("/"), shownImg)
		wantNoBody(t, "bob's feed", bob.get("/"), hiddenImg)
		wantBody(t, "bob's tag page", bob.get("/tags/partyplans"), shownImg)

		pin := "/pins/" + id(hidden.ID)
		for _, path := range []string{pin + "/like", pin + "/save", pin + "/comments", pin + "/edit", pin + "/delete",
			"/boards/" + id(secret.ID) + "/follow", "/boards/" + id(secret.ID) + "/edit", "/boards/" + id(secret.ID) + "/delete"} {
			form := url.Values{"text": {"hi"}, "board_id": {id(secret.ID)}, "title": {"x"}}
			wantStatus(t, "bob posts "+path, bob.post(path, form), http.StatusNotFound)
		}
		wantStatus(t, "bob's edit form", bob.get("/boards/"+id(secret.ID)+"/edit"), http.StatusNotFound)
		if n := env.count("likes") + env.count("comments"); n != 0 {
			t.Fatalf("bob's posts stored %d rows", n)
		}
	})
}
