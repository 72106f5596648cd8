package web

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func newTestWeb() *Web { return New(Deps{BaseURL: "http://example.test", Version: "test"}) }

// request builds an Echo context for a GET of target with a fixed CSRF
// token, optionally signed in as a.
func request(w *Web, target string, a *corkboard.Account) (echo.Context, *httptest.ResponseRecorder) {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if a != nil {
		req = req.WithContext(corkboard.WithAccount(req.Context(), a))
	}
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(req, rec)
	c.Set(csrfContextKey, "TEST-CSRF-TOKEN")
	return c, rec
}

// assetVersion hides content hashes so that editing the CSS does not
// change every golden file.
var assetVersion = regexp.MustCompile(`\?v=[0-9a-f]+`)

func TestLoginPageGolden(t *testing.T) {
	w := newTestWeb()
	c, rec := request(w, "/login?next=/settings/profile", nil)
	if err := w.loginForm(c); err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	got := assetVersion.ReplaceAll(rec.Body.Bytes(), []byte("?v=HASH"))
	golden := filepath.Join("testdata", "login.golden.html")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./server/web -run Golden -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("login page differs from %s (run with -update after checking the change):\n%s", golden, got)
	}
}

// TestEveryPageRenders executes each page template with the data its
// handler gives it, so a template error shows up here and not in production.
func TestEveryPageRenders(t *testing.T) {
	me := &corkboard.Account{ID: 1, Username: "alice", DisplayName: "Alice", IsAdmin: true, Approved: true,
		CreatedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	inv := &corkboard.Invite{Code: "abc", MaxUses: 1, CreatedAt: me.CreatedAt}
	pin := samplePin(me)
	grid := pinGrid{Pins: []*corkboard.Pin{pin}, Next: "/?before=1", MyBoards: []*corkboard.Board{pin.Board}, CSRF: "t", ReturnTo: "/"}
	comment := &corkboard.Comment{ID: 3, Text: "Lovely #bread https://example.com/x", Account: me, AccountID: me.ID, CreatedAt: me.CreatedAt}
	pages := map[string]any{
		"admin": adminPage{Mode: corkboard.RegistrationInvite, Modes: registrationModes(), Pending: []*corkboard.Account{me},
			Invites: []inviteRow{{Invite: inv, Link: "http://example.test/signup?invite=abc", Usable: true}}},
		"board":      boardPage{BoardView: &corkboard.BoardView{Board: pin.Board, Followers: 2}, Grid: grid, IsOwner: true},
		"board_form": boardForm{Board: pin.Board, Title: "Bread", Error: "A board needs a title."},
		"error":      errorPage{Status: 404, Heading: "Page not found", Message: "Gone."},
		"home":       homePage{Grid: grid},
		"landing":    landingPage{Mode: corkboard.RegistrationOpen},
		"login":      loginPage{Error: "Wrong username or password."},
		"not_setup":  nil,
		"pin": pinPage{PinView: &corkboard.PinView{Pin: pin, Comments: []*corkboard.Comment{comment}, More: grid.Pins},
			More: grid, Save: grid.SaveFor(pin), IsOwner: true, CommentsAfter: 2, MoreComments: "/pins/5?after=3#comments"},
		"pin_edit": pinEditForm{Pin: pin, Boards: grid.MyBoards, PinEdit: corkboard.PinEdit{Title: "Loaf"}},
		"pin_new":  pinForm{Boards: grid.MyBoards, Source: sourceImageURL, ImageURL: "https://example.com/a.png", MaxSize: "20 MB"},
		"profile": profilePage{ProfileView: &corkboard.ProfileView{Account: me, Boards: grid.MyBoards, Followers: 1},
			Profile: me, Host: "example.test", IsOwner: true},
		"profile_remote": remoteProfilePage{RemoteProfileView: &corkboard.RemoteProfileView{Account: sampleRemote(),
			Boards: grid.MyBoards, Pins: &corkboard.Page{Pins: grid.Pins}}, Grid: grid},
		"search":           searchPage{Query: "bread", Grid: grid, Boards: grid.MyBoards, People: []*corkboard.Account{me}, MoreBoards: true},
		"settings_profile": settingsProfilePage{DisplayName: "Alice", Locked: true},
		"setup":            setupPage{Token: "t"},
		"signup":           signupPage{Mode: corkboard.RegistrationApproval},
		"signup_closed":    nil,
		"signup_thanks":    me,
		"tag":              tagPage{Tag: "bread", Grid: grid},
		"send":             &sendPage{Pin: pin, Query: "pin=1", To: "@bob", Error: "Nobody called @bob here."},
		"messages":         inboxPage{Requests: true, Conversations: []*corkboard.ConversationView{sampleConversation(me, pin)}, About: map[int64]*corkboard.Message{}},
		"thread": threadPage{ConversationView: sampleConversation(me, pin), Messages: []*threadMessage{
			{Message: sampleConversation(me, pin).LastMessage, Mine: true, Save: grid.SaveFor(pin)}}},
		"settings_messages": messageSettingsPage{Policy: corkboard.MessagesFromFollowing, Choices: messagePolicyChoices},
		"report": &reportPage{Message: &corkboard.Message{ID: 9, ConversationID: 4, Text: "buy now", Sender: sampleRemote()},
			Remote: true, Forward: true, Request: true, Error: "You already reported this message."},
		"follow_requests": followRequestsPage{Locked: true, Next: "/follow-requests?before=3",
			Requests: []corkboard.FollowRequest{{Follow: &corkboard.Follow{ID: 3, FollowerID: 2}, From: sampleRemote()}}},
	}
	w := newTestWeb()
	if len(pages) != len(w.pages) {
		t.Errorf("test covers %d pages, templates/ has %d", len(pages), len(w.pages))
	}
	for name, data := range pages {
		c, rec := request(w, "/", me)
		if err := w.render(c, http.StatusOK, name, name, data); err != nil {
			t.Errorf("render %s: %v", name, err)
			continue
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", name, rec.Header().Get("Cache-Control"))
		}
	}
}

// samplePin is a hydrated pin on a board, saved from another pin.
func samplePin(owner *corkboard.Account) *corkboard.Pin {
	im := corkboard.Image{Key: "a/b.png", Width: 1000, Height: 1500, Color: "#aa8844",
		Variants: []corkboard.ImageVariant{{Width: 736, Height: 1104, Key: "a/c.png"}, {Width: 236, Height: 354, Key: "a/d.png"}}}
	board := &corkboard.Board{ID: 7, AccountID: owner.ID, Slug: "bread", Title: "Bread", Account: owner, PinCount: 1}
	orig := &corkboard.Pin{ID: 4, Image: im, Link: "https://bakery.example/loaf"}
	board.Cover = orig
	return &corkboard.Pin{ID: 5, AccountID: owner.ID, BoardID: board.ID, Title: "Loaf", Description: "Crusty #bread",
		Link: "https://www.bakery.example/loaf", Image: im, SavedFromID: orig.ID, Account: owner, Board: board, SavedFrom: orig}
}

// sampleConversation is a conversation of me with bob whose last message
// carries pin.
func sampleConversation(me *corkboard.Account, pin *corkboard.Pin) *corkboard.ConversationView {
	bob := &corkboard.Account{ID: 2, Username: "bob", Approved: true}
	m := &corkboard.Message{ID: 5, ConversationID: 4, SenderID: me.ID, Text: "Look", Sender: me, Pin: pin,
		Attachment: corkboard.MessageAttachment{PinID: pin.ID}, CreatedAt: me.CreatedAt}
	return &corkboard.ConversationView{Conversation: &corkboard.Conversation{ID: 4}, Me: &corkboard.Member{AccountID: me.ID, State: corkboard.MemberActive, Unread: 1},
		Others: []*corkboard.Account{bob}, LastMessage: m}
}
