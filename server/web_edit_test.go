package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

// Owners edit and delete boards and pins with the pages' forms; anyone
// else is refused and nothing changes.
func TestWebEditAndDelete(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice, bob := env.signedIn("alice", false), env.signedIn("bob", false)
		cakes := env.createBoard(alice, "alice", "Cakes", false)
		pies := env.createBoard(alice, "alice", "Pies", false)
		p := env.uploadPin(alice, cakes, "Apple cake", "")
		pinPath, editBoard := "/pins/"+id(p.ID), "/boards/"+id(cakes.ID)

		wantBody(t, "board edit form", alice.get(editBoard+"/edit"), `value="Cakes"`, `action="`+editBoard+`/delete"`, "data-confirm=")
		wantStatus(t, "bob's board edit form", bob.get(editBoard+"/edit"), http.StatusForbidden)
		wantStatus(t, "bob edits the board", bob.post(editBoard+"/edit", url.Values{"title": {"Mine"}}), http.StatusForbidden)
		r := alice.post(editBoard+"/edit", url.Values{"title": {""}})
		wantStatus(t, "empty title", r, http.StatusUnprocessableEntity)
		wantBody(t, "empty title", r, "A board needs a title.")
		r = alice.post(editBoard+"/edit", url.Values{"title": {"Sweet cakes"}, "description": {"Layered"}, "secret": {"1"}})
		wantStatus(t, "edit board", r, http.StatusSeeOther)
		wantBody(t, "edited board", alice.get(r.header.Get("Location")), "Sweet cakes", "Layered", "Secret board")
		wantStatus(t, "now secret to bob", bob.get(pinPath), http.StatusNotFound)
		wantStatus(t, "public again", alice.post(editBoard+"/edit", url.Values{"title": {"Sweet cakes"}}), http.StatusSeeOther)

		wantBody(t, "pin edit form", alice.get(pinPath+"/edit"), ">Apple cake</textarea>", `<option value="`+id(pies.ID)+`">Pies</option>`)
		wantStatus(t, "bob's pin edit form", bob.get(pinPath+"/edit"), http.StatusForbidden)
		wantStatus(t, "bob edits the pin", bob.post(pinPath+"/edit", url.Values{"description": {"mine"}}), http.StatusForbidden)
		r = alice.post(pinPath+"/edit", url.Values{"title": {"Tarte"}, "description": {"Now a #pie"}, "alt_text": {"A tart"},
			"link": {"https://pies.example/"}, "board_id": {id(pies.ID)}})
		wantStatus(t, "edit pin", r, http.StatusSeeOther)
		wantBody(t, "edited pin", bob.get(pinPath), "Tarte", `href="/tags/pie"`, `alt="A tart"`, "pies.example", "Pies")
		wantBody(t, "moved pin", bob.get("/@alice/"+pies.Slug), "/media/"+p.Image.Variant(236).Key)

		wantStatus(t, "bob deletes the pin", bob.post(pinPath+"/delete", nil), http.StatusForbidden)
		r = alice.post(pinPath+"/delete", url.Values{"return_to": {"/@alice/" + pies.Slug}})
		wantStatus(t, "delete pin", r, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != "/@alice/"+pies.Slug {
			t.Fatalf("after deleting a pin: Location %q", loc)
		}
		wantStatus(t, "deleted pin", alice.get(pinPath), http.StatusNotFound)

		wantStatus(t, "bob deletes the board", bob.post(editBoard+"/delete", nil), http.StatusForbidden)
		r = alice.post(editBoard+"/delete", nil)
		wantStatus(t, "delete board", r, http.StatusSeeOther)
		if _, err := env.srv.Service().BoardByID(context.Background(), env.account("alice"), cakes.ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Fatalf("board after delete: %v", err)
		}
		wantBody(t, "profile after delete", alice.get("/@alice"), "Board deleted.")
	})
}

// Grids page with a keyset cursor: "More pins" links to ?before=<id>, and
// the pages together hold every pin once.
func TestWebGridPaging(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice := env.signedIn("alice", false)
	board := env.createBoard(alice, "alice", "Many", false)
	owner := env.account("alice")
	for i := range 33 {
		_, err := env.srv.Service().CreatePin(context.Background(), owner, corkboard.PinInput{BoardID: board.ID,
			Description: "pin #many " + id(int64(i)), Image: strings.NewReader(string(testPNG(8+i, 8)))})
		if err != nil {
			t.Fatalf("pin %d: %v", i, err)
		}
	}
	for _, path := range []string{"/@alice/" + board.Slug, "/", "/tags/many", "/search?q=pin&type=pins"} {
		seen := map[string]bool{}
		next, pages := path, 0
		for next != "" && pages < 5 {
			r := alice.get(next)
			wantStatus(t, next, r, http.StatusOK)
			for _, pid := range regexpAll(t, r.body, `<a class="pin__link" href="/pins/(\d+)"`) {
				if seen[pid] {
					t.Fatalf("%s: pin %s twice", path, pid)
				}
				seen[pid] = true
			}
			links := regexpAll(t, r.body, `href="([^"]+)" rel="next"`)
			next = ""
			if len(links) == 1 {
				next = strings.ReplaceAll(links[0], "&amp;", "&")
				if !strings.Contains(next, "before=") {
					t.Fatalf("%s: next link %q", path, next)
				}
			}
			pages++
		}
		if len(seen) != 33 || pages != 2 {
			t.Fatalf("%s: %d pins over %d pages, want 33 over 2", path, len(seen), pages)
		}
	}
}
