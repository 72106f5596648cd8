package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage/storagetest"
)

// eachKind runs fn on a fresh instance per database kind.
func eachKind(t *testing.T, opts webEnvOptions, fn func(t *testing.T, env *webEnv)) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newWebEnv(t, kind, opts)) })
	}
}

func wantStatus(t *testing.T, what string, r webResponse, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, r.status, status, r.body)
	}
}

func wantBody(t *testing.T, what string, r webResponse, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.body, p) {
			t.Fatalf("%s: page lacks %q\n%s", what, p, r.body)
		}
	}
}

func TestWebSetupLink(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		b := env.browser()
		wantBody(t, "home before setup", b.get("/"), "not set up yet")
		wantStatus(t, "bad token", b.get("/setup?token=nope"), http.StatusForbidden)

		link := env.setupPath()
		r := b.get(link)
		wantStatus(t, "setup form", r, http.StatusOK)
		wantBody(t, "setup form", r, "Create the admin account")

		token := strings.TrimPrefix(link, "/setup?token=")
		form := func() url.Values {
			return url.Values{"token": {token}, "username": {"root"}, "email": {"root@example.test"}, "password": {"correct horse"}}
		}
		r = b.post("/setup", form())
		wantStatus(t, "complete setup", r, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != "/admin" {
			t.Fatalf("setup redirects to %q, want /admin", loc)
		}
		wantStatus(t, "admin page after setup", b.get("/admin"), http.StatusOK)

		second := env.browser()
		wantStatus(t, "setup link again", second.get(link), http.StatusForbidden)
		wantStatus(t, "setup post again", second.post("/setup", form()), http.StatusForbidden)
		if second.cookie("corkboard_session") != "" {
			t.Fatal("a second setup signed someone in")
		}
	})
}

func TestWebLogin(t *testing.T) {
	tests := []struct {
		name, password, next string
		wantStatus           int
		wantLocation         string
		wantSession          bool
	}{
		{"success", "alice-password", "", http.StatusSeeOther, "/", true},
		{"success with next", "alice-password", "/settings/profile", http.StatusSeeOther, "/settings/profile", true},
		{"next to another site is ignored", "alice-password", "//evil.example/x", http.StatusSeeOther, "/", true},
		{"wrong password", "nope-nope", "", http.StatusUnauthorized, "", false},
	}
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		env.createAccount("alice", false)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				b := env.browser()
				r := b.post("/login", url.Values{"username": {"alice"}, "password": {tt.password}, "next": {tt.next}})
				wantStatus(t, "login", r, tt.wantStatus)
				if loc := r.header.Get("Location"); loc != tt.wantLocation {
					t.Fatalf("Location %q, want %q", loc, tt.wantLocation)
				}
				if got := b.cookie("corkboard_session") != ""; got != tt.wantSession {
					t.Fatalf("session cookie set = %v, want %v", got, tt.wantSession)
				}
				home := b.get("/")
				if tt.wantSession {
					wantBody(t, "home", home, "Welcome, Alice Example")
				} else {
					wantBody(t, "login form", r, "Wrong username or password", `value="alice"`)
					wantBody(t, "home", home, "Sign in")
				}
			})
		}
	})
}

func TestWebCSRF(t *testing.T) {
	tests := []struct {
		name, path string
		form       url.Values
	}{
		{"login without token", "/login", url.Values{"_csrf": {"-"}, "username": {"bob"}, "password": {"bob-password"}}},
		{"login with wrong token", "/login", url.Values{"_csrf": {"wrong"}, "username": {"bob"}, "password": {"bob-password"}}},
		{"logout without token", "/logout", url.Values{"_csrf": {"-"}}},
		{"profile without token", "/settings/profile", url.Values{"_csrf": {"-"}, "display_name": {"Hacked"}}},
		{"profile with wrong token", "/settings/profile", url.Values{"_csrf": {"wrong"}, "display_name": {"Hacked"}}},
	}
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		env.createAccount("bob", false)
		alice := env.signedIn("alice", false)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				stranger := env.browser()
				stranger.get("/login") // has a CSRF cookie, but posts no matching token
				for _, b := range []*webBrowser{alice, stranger} {
					r := b.post(tt.path, tt.form)
					wantStatus(t, tt.path, r, http.StatusForbidden)
					wantBody(t, tt.path, r, "form has expired")
				}
				if stranger.cookie("corkboard_session") != "" {
					t.Fatal("a forged log-in signed the stranger in")
				}
				home := alice.get("/")
				wantBody(t, "alice still signed in, profile unchanged", home, "Welcome, Alice Example")
			})
		}
	})
}

func TestWebLogoutEndsSession(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		b := env.signedIn("alice", false)
		old := b.cookie("corkboard_session")
		r := b.post("/logout", url.Values{})
		wantStatus(t, "logout", r, http.StatusSeeOther)
		if b.cookie("corkboard_session") != "" {
			t.Fatal("logout left the session cookie")
		}
		wantBody(t, "home after logout", b.get("/"), "signed out", "Sign in")

		replay := env.browser()
		replay.setCookie("corkboard_session", old)
		r = replay.get("/settings/profile")
		wantStatus(t, "replayed cookie", r, http.StatusSeeOther)
		if !strings.HasPrefix(r.header.Get("Location"), "/login") {
			t.Fatalf("replayed cookie: Location %q, want the log-in page", r.header.Get("Location"))
		}
		if replay.cookie("corkboard_session") != "" {
			t.Fatal("a dead session cookie was not cleared")
		}
	})
}

func TestWebExpiredSessionIsClearedQuietly(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		b := env.signedIn("alice", false)
		env.clock.Advance(31 * 24 * time.Hour)
		r := b.get("/")
		wantStatus(t, "home with expired session", r, http.StatusOK)
		wantBody(t, "landing", r, "Sign in")
		if b.cookie("corkboard_session") != "" {
			t.Fatal("expired session cookie was not cleared")
		}
	})
}

func TestWebLoginRateLimit(t *testing.T) {
	eachKind(t, webEnvOptions{RateLimitScale: 0.2}, func(t *testing.T, env *webEnv) {
		env.createAccount("alice", false)
		b := env.browser()
		var r webResponse
		for i := 0; i < 10; i++ {
			r = b.post("/login", url.Values{"username": {"alice"}, "password": {"wrong-password"}})
			if r.status == http.StatusTooManyRequests {
				break
			}
			wantStatus(t, "bad login", r, http.StatusUnauthorized)
		}
		wantStatus(t, "repeated bad logins", r, http.StatusTooManyRequests)
		if r.header.Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
		wantBody(t, "429 page", r, "Too many attempts")
	})
}
