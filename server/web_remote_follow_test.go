package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestWebFollowRemote is the remote follow flow through the pages, over
// real HTTP with signatures between two instances: alice on A finds
// @bob@B by searching his handle, follows him with the card's button; B
// accepts; bob's pins reach her home feed and his profile page on A, with
// thumbnails stored on A. carol follows only his recipes board and gets
// only its pins. After alice unfollows, bob's next pin does not come.
func TestWebFollowRemote(t *testing.T) {
	eachRemoteKind(t, func(t *testing.T, p *remotePair) {
		alice := browserAt(t, p.a, "alice")
		bobHandle := p.b.Handle("bob") // @bob@127.0.0.3:port
		bobPage := "/" + bobHandle

		found := alice.get("/search?q=" + url.QueryEscape(bobHandle))
		wantPage(t, "search for "+bobHandle, found, http.StatusOK, `href="`+bobPage+`"`, `action="`+bobPage+`/follow"`, "from "+p.b.Host)
		if r := alice.post(bobPage+"/follow", url.Values{"return_to": {"/search?q=" + url.QueryEscape(bobHandle)}}); r.status != http.StatusSeeOther {
			t.Fatalf("follow: %d\n%s", r.status, r.body)
		}
		servertest.Eventually(t, remoteWait, "B to accept alice's follow", func() bool {
			return strings.Contains(alice.get(bobPage).body, `aria-pressed="true">Following</button>`)
		})

		first := arrivedAt(t, p.a, p.bobPins(t, p.tarts, "Plum tart"))
		servertest.Eventually(t, remoteWait, "the pin in alice's home feed", func() bool {
			return strings.Contains(alice.get("/").body, altOf("Plum tart"))
		})
		profile := alice.get(bobPage)
		thumb := "/media/" + first.Image.Variant(236).Key
		wantPage(t, "bob's page on A", profile, http.StatusOK, altOf("Plum tart"), `src="`+thumb+`"`, bobHandle,
			"View on their server", `href="`+bobPage+`/tarts"`)
		wantOnlyOurImages(t, "bob's page on A", profile.body)
		if got := alice.get(thumb); got.status != http.StatusOK {
			t.Errorf("GET %s on A = %d: the thumbnail is not stored on A", thumb, got.status)
		}
		wantPage(t, "the pin's page", alice.get("/pins/"+id(first.ID)), http.StatusOK, `href="`+bobPage+`"`, "From "+p.b.Host)

		// carol follows one board, found by its handle.
		carol := browserAt(t, p.a, "carol")
		boardHandle := "@bob.recipes@" + p.b.Host
		card := carol.get("/search?q=" + url.QueryEscape(boardHandle))
		action := regexpFind(t, `action="(/boards/\d+)/follow"`, card.body)
		wantPage(t, "search for "+boardHandle, card, http.StatusOK, `href="`+bobPage+`/recipes"`, "Follow board")
		if r := carol.post(action+"/follow", url.Values{"return_to": {bobPage + "/recipes"}}); r.status != http.StatusSeeOther {
			t.Fatalf("follow board: %d\n%s", r.status, r.body)
		}
		servertest.Eventually(t, remoteWait, "B to accept carol's board follow", func() bool {
			return strings.Contains(carol.get(bobPage+"/recipes").body, `aria-pressed="true">Following</button>`)
		})
		soup := p.bobPins(t, p.recipes, "Leek soup")
		tart := arrivedAt(t, p.a, p.bobPins(t, p.tarts, "Apple tart")) // alice follows bob: it reaches A
		arrivedAt(t, p.a, soup)
		servertest.Eventually(t, remoteWait, "the board's pin in carol's feed", func() bool {
			return strings.Contains(carol.get("/").body, altOf("Leek soup"))
		})
		if strings.Contains(carol.get("/").body, altOf("Apple tart")) {
			t.Errorf("carol follows bob's recipes board only, but his tart (pin %d) is in her feed", tart.ID)
		}
		wantPage(t, "the remote board's page", carol.get(bobPage+"/recipes"), http.StatusOK, altOf("Leek soup"), "A board on "+p.b.Host)

		// alice unfollows: B forgets her, and bob's next pin stays on B.
		if r := alice.post(bobPage+"/unfollow", url.Values{"return_to": {bobPage}}); r.status != http.StatusSeeOther {
			t.Fatalf("unfollow: %d\n%s", r.status, r.body)
		}
		servertest.Eventually(t, remoteWait, "B to drop alice from bob's followers", func() bool { return p.bobFollowers(t) == 0 })
		after := p.bobPins(t, p.tarts, "Pear tart")
		arrivedAt(t, p.a, p.bobPins(t, p.recipes, "Bean soup")) // carol's board still delivers
		if remotePinAt(t, p.a, after) != nil || strings.Contains(alice.get("/").body, altOf("Pear tart")) {
			t.Errorf("bob's pin after alice unfollowed reached A")
		}
		if strings.Contains(alice.get("/").body, altOf("Plum tart")) {
			t.Errorf("bob's pins stay in alice's feed after she unfollowed")
		}
	})
}

// TestWebRemoteLookupFailures: a handle that names nobody, a server that
// does not answer and a blocked domain are messages on the search page,
// and 404 pages for a remote profile, never a 500. A visitor who is not
// signed in sees the people we know but cannot make us fetch others.
func TestWebRemoteLookupFailures(t *testing.T) {
	p := newRemotePair(t, "sqlite")
	alice := browserAt(t, p.a, "alice")
	visitor := visitorAt(t, p.a)
	nobody, down := "@nobody@"+p.b.Host, "@bob@127.0.0.1:1"

	wantPage(t, "search for "+nobody, alice.get("/search?q="+url.QueryEscape(nobody)), http.StatusOK, "Nobody called "+nobody+" was found.")
	wantPage(t, "search for "+down, alice.get("/search?q="+url.QueryEscape(down)), http.StatusOK, "127.0.0.1:1 could not be reached; try again later.")
	wantPage(t, "/"+nobody, alice.get("/"+nobody), http.StatusNotFound, "Nobody called "+nobody+" was found.")
	bobPage := "/" + p.b.Handle("bob")
	wantPage(t, "a visitor's "+bobPage+" before anyone looked him up", visitor.get(bobPage), http.StatusNotFound, "sign in to look them up")
	if _, err := p.a.Server.Store().RemoteAccountByAcct(p.ctx, "bob", p.b.Host); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Fatalf("a visitor's page view made A fetch bob: %v", err)
	}
	wantPage(t, "alice's "+bobPage, alice.get(bobPage), http.StatusOK, "No pins here yet")
	wantPage(t, "a visitor's "+bobPage, visitor.get(bobPage), http.StatusOK, p.b.Handle("bob"))

	if _, err := p.a.Service().BlockDomain(p.ctx, p.b.Host, corkboard.SeveritySuspend, "test"); err != nil {
		t.Fatal(err)
	}
	blocked := p.b.Host + " is blocked on this server."
	wantPage(t, "search for a blocked domain", alice.get("/search?q="+url.QueryEscape(p.b.Handle("bob"))), http.StatusOK, blocked)
	wantPage(t, bobPage+" of a blocked domain", alice.get(bobPage), http.StatusForbidden)
}

// wantPage checks a page's status and that it has every part.
func wantPage(t *testing.T, what string, r webResponse, status int, parts ...string) {
	t.Helper()
	wantStatus(t, what, r, status)
	wantBody(t, what, r, parts...)
}

// altOf is how a grid draws a pin that bobPins made (titles travel as
// descriptions, which cards do not show; the alt text is on the image).
func altOf(title string) string { return `alt="` + title + `"` }

// wantOnlyOurImages fails if a page would load an image from anywhere
// but our own /media and /static: remote images are copied, never linked.
func wantOnlyOurImages(t *testing.T, what, body string) {
	t.Helper()
	for _, src := range imageSources(body) {
		if !strings.HasPrefix(src, "/media/") && !strings.HasPrefix(src, "/static/") {
			t.Errorf("%s loads an image from %s", what, src)
		}
	}
}
