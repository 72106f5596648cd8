package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserSendPin sends a pin as a private message in a real browser:
// alice sends her pin to @bob from the pin's page; bob, who does not
// follow her, sees the unread badge, finds her message among his
// requests, opens the thread and saves the pin to his board. It keeps a
// screenshot of the thread for CI (browser-thread.png).
func TestBrowserSendPin(t *testing.T) {
	execPath := chromiumPath(t)
	in := newInstance(t, "sqlite")
	srv := startServer(t, in)
	const bobPassword = "staple battery horse"
	createUser(t, in, "alice", alicePassword)
	createUser(t, in, "bob", bobPassword)
	client := &http.Client{Timeout: 30 * time.Second}
	alice := &apiCaller{t: t, base: srv.URL, token: lastLine(runCLI(t, in, "admin", "token", "--username", "alice")), http: client}
	bob := &apiCaller{t: t, base: srv.URL, token: lastLine(runCLI(t, in, "admin", "token", "--username", "bob")), http: client}

	// alice's pin and bob's board, through the API to save time.
	image, err := os.ReadFile(writeTestPNG(t))
	if err != nil {
		t.Fatal(err)
	}
	status, pin := alice.uploadPin(alice.createBoard("Sunrises"), image)
	pinID, _ := pin["id"].(string)
	if status != http.StatusOK || pinID == "" {
		t.Fatalf("alice's pin: %d %v", status, pin)
	}
	status, board := bob.send(http.MethodPost, "/api/v1/boards", "application/x-www-form-urlencoded",
		bytes.NewBufferString(url.Values{"title": {"Found in messages"}}.Encode()))
	bobBoardID, _ := board["id"].(string)
	bobBoardURL, _ := board["url"].(string)
	if status != http.StatusOK || bobBoardID == "" || bobBoardURL == "" {
		t.Fatalf("bob's board: %d %v", status, board)
	}
	if !strings.HasPrefix(bobBoardURL, "http") {
		bobBoardURL = srv.URL + bobBoardURL
	}

	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	tab := startChromium(t, ctx, execPath)
	signIn := func(who, username, password string) {
		t.Helper()
		runStep(tab, who+": open /login", chromedp.Navigate(srv.URL+"/login"))
		runStep(tab, who+": fill in the log-in form", chromedp.Steps(
			chromedp.SendKeys(chromedp.ID("username"), username),
			chromedp.SendKeys(chromedp.ID("password"), password),
		))
		tab.submit(who+": sign in", `form[action="/login"] button[type=submit]`)
		runStep(tab, who+": see the signed-in menu", chromedp.WaitReady(chromedp.CSS(`form[action="/logout"]`)))
	}

	// alice sends her pin to @bob from the pin's page.
	const note = "Look at this sunrise!"
	signIn("alice", "alice", alicePassword)
	runStep(tab, "alice: open her pin", chromedp.Navigate(srv.URL+"/pins/"+pinID))
	tab.submit("alice: open the send form", `a.send-link[href="/send?pin=`+pinID+`"]`)
	// The picker suggests bob as alice types; she picks him. (A click:
	// DevTools sends Enter's keypress apart from its keydown, so a
	// keydown handler cannot stop it submitting the form as a real
	// keyboard's Enter is stopped.)
	runStep(tab, "alice: type part of a name", chromedp.Steps(
		chromedp.SendKeys(chromedp.ID("send-to"), "@bo"),
		chromedp.WaitVisible(`#send-to-options [data-acct="@bob"]`),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Click(`#send-to-options [data-acct="@bob"]`),
	))
	if to := runStep(tab, "alice: read the To field", chromedp.Evaluate[string](`document.getElementById("send-to").value`)); to != "@bob, " {
		t.Fatalf("after picking a suggestion the To field holds %q, want %q", to, "@bob, ")
	}
	runStep(tab, "alice: write a note", chromedp.SendKeys(chromedp.ID("send-text"), note))
	// The form must carry the pin in its action (html/template must not escape its "=").
	if action := runStep(tab, "alice: read the send form's action", chromedp.Evaluate[string](`document.querySelector("form[action^='/send']").getAttribute("action")`)); action != "/send?pin="+pinID {
		t.Fatalf("the send form's action = %q, want %q", action, "/send?pin="+pinID)
	}
	tab.submit("alice: send", `form[action^="/send"] button[type=submit]`)
	if at := runStep(tab, "alice: read where sending led", chromedp.Location()); strings.Contains(at, "/send") {
		t.Fatalf("after sending alice is still at %s: the form was not accepted", at)
	}

	// alice signs out (the menu's button may be folded away: submit its form).
	func() {
		sctx, scancel := tab.stepContext()
		defer scancel()
		if _, err := chromedp.RunResponse(sctx, chromedp.Submit(chromedp.CSS(`form[action="/logout"]`), chromedp.NodeReady)); err != nil {
			t.Fatalf("alice: sign out: %v", err)
		}
	}()

	// bob signs in and sees the unread badge.
	signIn("bob", "bob", bobPassword)
	unread := runStep(tab, "bob: read the unread badge", chromedp.AttributeValue(chromedp.CSS(`.site-nav__link--messages .nav-badge`), "data-unread")).Value
	if n, err := strconv.Atoi(unread); err != nil || n < 1 {
		t.Errorf("bob's unread badge = %q, want a count of at least 1", unread)
	}

	// Messages → Requests (bob does not follow alice) → the thread.
	tab.submit("bob: open Messages", `a.site-nav__link--messages`)
	tab.submit("bob: open Requests", `a.tabs__tab[href="/messages/requests"]`)
	tab.submit("bob: open alice's message", `a.inbox__link`)
	if got := runStep(tab, "bob: read the note", chromedp.Text(chromedp.CSS(`.msg__text`))); !strings.Contains(got, note) {
		t.Errorf("the thread's note = %q, want %q", got, note)
	}
	const cardImg = `.msg-card img.msg-card__img[src*="/media/"]`
	runStep(tab, "bob: wait for the pin card's image", chromedp.Poll[bool](fmt.Sprintf(
		`(img => !!(img && img.complete && img.naturalWidth > 0))(document.querySelector(%q))`, cardImg),
		chromedp.WithPollingTimeout(20*time.Second)))
	tab.screenshot("browser-thread.png")

	// bob saves the pin to his board.
	runStep(tab, "bob: choose his board", chromedp.SetValue(chromedp.ID("save-board-"+pinID), bobBoardID))
	tab.submit("bob: save the pin", `.msg-card form.save-menu button[type=submit]`)

	runStep(tab, "bob: open his board", chromedp.Navigate(bobBoardURL))
	const thumb = `.pin-grid img[src*="/media/"]`
	runStep(tab, "bob: see the saved pin on his board", chromedp.WaitVisible(chromedp.CSS(thumb)))
	if foreign := tab.foreignRequests(); len(foreign) > 0 {
		t.Errorf("the pages made requests beyond 127.0.0.1: %q", foreign)
	}
}
