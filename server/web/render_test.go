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
	pages := map[string]any{
		"admin": adminPage{Mode: corkboard.RegistrationInvite, Modes: registrationModes(), Pending: []*corkboard.Account{me},
			Invites: []inviteRow{{Invite: inv, Link: "http://example.test/signup?invite=abc", Usable: true}}},
		"error":            errorPage{Status: 404, Heading: "Page not found", Message: "Gone."},
		"home":             nil,
		"landing":          landingPage{Mode: corkboard.RegistrationOpen},
		"login":            loginPage{Error: "Wrong username or password."},
		"not_setup":        nil,
		"profile":          profilePage{Profile: me, Host: "example.test", IsOwner: true},
		"search":           struct{ Query string }{"bread"},
		"settings_profile": settingsProfilePage{DisplayName: "Alice"},
		"setup":            setupPage{Token: "t"},
		"signup":           signupPage{Mode: corkboard.RegistrationApproval},
		"signup_closed":    nil,
		"signup_thanks":    me,
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
