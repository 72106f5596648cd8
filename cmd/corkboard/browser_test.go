package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserPinFlow is the pinboard's main path in a real browser: sign
// in, create a board, upload a pin, and see its thumbnail on the board.
// It keeps screenshots for CI (browser-signed-in.png, browser-board.png).
func TestBrowserPinFlow(t *testing.T) {
	execPath := chromiumPath(t)
	in := newInstance(t, "sqlite")
	srv := startServer(t, in)
	const username, password = "ada", "correct horse battery"
	createUser(t, in, username, password)

	// One bound for the whole flow; see startChromium for the browser's.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	tab := startChromium(t, ctx, execPath)

	runStep(tab, "open /login", chromedp.Navigate(srv.URL+"/login"))
	runStep(tab, "fill in the log-in form", chromedp.Steps(
		chromedp.SendKeys(chromedp.ID("username"), username),
		chromedp.SendKeys(chromedp.ID("password"), password),
	))
	tab.submit("sign in", `form[action="/login"] button[type=submit]`)
	runStep(tab, "see the signed-in menu", chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)))
	tab.screenshot("browser-signed-in.png")

	const boardTitle = "Sunrises"
	runStep(tab, "open /boards/new", chromedp.Navigate(srv.URL+"/boards/new"))
	runStep(tab, "name the board", chromedp.SendKeys(chromedp.ID("title"), boardTitle))
	tab.submit("create the board", `form[action="/boards/new"] button[type=submit]`)
	if got := runStep(tab, "read the board's title", chromedp.Text(chromedp.ID("page-title"))); got != boardTitle {
		t.Fatalf("board page title = %q, want %q", got, boardTitle)
	}
	boardURL := runStep(tab, "read the board's URL", chromedp.Location())

	const description, altText = "First light over the bay #sunrise", "An orange sky fading to pink"
	runStep(tab, "open /pins/new", chromedp.Navigate(srv.URL+"/pins/new"))
	boardID := runStep(tab, "find the board in the list", chromedp.Evaluate[string](fmt.Sprintf(
		`[...document.querySelectorAll("#board_id option")].find(o => o.textContent.trim() === %q)?.value ?? ""`, boardTitle)))
	if boardID == "" {
		t.Fatalf("the pin form offers no board called %q", boardTitle)
	}
	runStep(tab, "fill in the pin form", chromedp.Steps(
		chromedp.SetUploadFiles(chromedp.ID("image"), []string{writeTestPNG(t)}),
		chromedp.SetValue(chromedp.ID("board_id"), boardID),
		chromedp.SendKeys(chromedp.ID("description"), description),
		chromedp.SendKeys(chromedp.ID("alt_text"), altText),
	))
	tab.submit("publish the pin", `form[action="/pins"] button[type=submit]`)
	if at := runStep(tab, "read the pin's URL", chromedp.Location()); !strings.Contains(at, "/pins/") {
		t.Fatalf("after publishing the browser is at %s, want the pin's page", at)
	}
	if got := runStep(tab, "read the pin's description", chromedp.Text(chromedp.CSS(".closeup__desc"))); !strings.Contains(got, description) {
		t.Errorf("pin page description = %q, want %q", got, description)
	}

	runStep(tab, "open the board", chromedp.Navigate(boardURL))
	const thumb = `.pin-grid img[src*="/media/"]`
	runStep(tab, "see the thumbnail", chromedp.WaitVisible(chromedp.CSS(thumb)))
	// Visible is not loaded: naturalWidth stays 0 for a broken image.
	loaded := runStep(tab, "wait for the thumbnail to load", chromedp.Poll[struct {
		Alt          string
		NaturalWidth int
	}](fmt.Sprintf(`(img => img && img.complete && img.naturalWidth > 0 && {Alt: img.alt, NaturalWidth: img.naturalWidth})(document.querySelector(%q))`, thumb),
		chromedp.WithPollingTimeout(20*time.Second)))
	if loaded.Alt != altText {
		t.Errorf("thumbnail alt = %q, want %q", loaded.Alt, altText)
	}
	t.Logf("thumbnail loaded, %d px wide", loaded.NaturalWidth)
	tab.screenshot("browser-board.png")

	if foreign := tab.foreignRequests(); len(foreign) > 0 {
		t.Errorf("the pages made requests beyond 127.0.0.1: %q", foreign)
	}
}
