package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestWebAdminAccess(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		admin := env.signedIn("root", true)
		member := env.signedIn("alice", false)
		tests := []struct {
			name   string
			b      *webBrowser
			method string
			want   int
		}{
			{"admin", admin, http.MethodGet, http.StatusOK},
			{"member", member, http.MethodGet, http.StatusForbidden},
			{"member posts", member, http.MethodPost, http.StatusForbidden},
			{"signed out", env.browser(), http.MethodGet, http.StatusSeeOther},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var r webResponse
				if tt.method == http.MethodGet {
					r = tt.b.get("/admin")
				} else {
					r = tt.b.post("/admin/registration", url.Values{"mode": {"open"}})
				}
				wantStatus(t, tt.name, r, tt.want)
				if tt.want == http.StatusSeeOther && r.header.Get("Location") != "/login?next=%2Fadmin" {
					t.Fatalf("Location %q, want the log-in page coming back to /admin", r.header.Get("Location"))
				}
			})
		}
		wantBody(t, "mode unchanged", admin.get("/admin"), `<option value="approval" selected>`)
	})
}

func TestWebSecurityHeadersAndCookies(t *testing.T) {
	for _, base := range []string{"http://example.test", "https://example.test"} {
		t.Run(base, func(t *testing.T) {
			env := newWebEnv(t, "sqlite", webEnvOptions{BaseURL: base})
			r := env.browser().get("/login")
			wantStatus(t, "login page", r, http.StatusOK)
			for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
				if r.header.Get(h) == "" {
					t.Errorf("missing %s", h)
				}
			}
			if r.header.Get("Cache-Control") != "no-store" {
				t.Errorf("page Cache-Control %q, want no-store", r.header.Get("Cache-Control"))
			}
			cookie := strings.Join(r.header.Values("Set-Cookie"), "\n")
			for _, want := range []string{"corkboard_csrf=", "HttpOnly", "SameSite=Lax", "Path=/"} {
				if !strings.Contains(cookie, want) {
					t.Errorf("CSRF cookie %q lacks %s", cookie, want)
				}
			}
			if secure := strings.Contains(cookie, "Secure"); secure != strings.HasPrefix(base, "https") {
				t.Errorf("CSRF cookie Secure = %v on %s", secure, base)
			}
		})
	}
}

var cssLink = regexp.MustCompile(`href="(/static/app\.css\?v=[0-9a-f]+)"`)

func TestWebStaticAssets(t *testing.T) {
	env := newWebEnv(t, "sqlite", webEnvOptions{})
	b := env.browser()
	m := cssLink.FindStringSubmatch(b.get("/login").body)
	if m == nil {
		t.Fatal("the page does not link a versioned app.css")
	}
	tests := []struct {
		path, wantType, wantCache string
		wantStatus                int
	}{
		{m[1], "text/css; charset=utf-8", "public, max-age=31536000, immutable", http.StatusOK},
		{"/static/app.css", "text/css; charset=utf-8", "public, no-cache", http.StatusOK},
		{"/static/avatar.svg", "image/svg+xml", "public, no-cache", http.StatusOK},
		{"/static/app.js?v=old", "text/javascript; charset=utf-8", "public, no-cache", http.StatusOK},
		{"/static/nope.css", "", "", http.StatusNotFound},
	}
	for _, tt := range tests {
		r := b.get(tt.path)
		wantStatus(t, tt.path, r, tt.wantStatus)
		if tt.wantStatus != http.StatusOK {
			continue
		}
		if got := r.header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, got, tt.wantType)
		}
		if got := r.header.Get("Cache-Control"); got != tt.wantCache {
			t.Errorf("%s: Cache-Control %q, want %q", tt.path, got, tt.wantCache)
		}
		if r.header.Get("Set-Cookie") != "" {
			t.Errorf("%s sets a cookie: %q", tt.path, r.header.Get("Set-Cookie"))
		}
	}
}

func TestWebProfilePages(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		alice := env.signedIn("alice", false)
		r := env.browser().get("/@alice")
		wantStatus(t, "profile", r, http.StatusOK)
		wantBody(t, "profile", r, "Alice Example", "@alice@example.test", "Member since", "March 2026")

		r = alice.get("/@nobody")
		wantStatus(t, "unknown profile", r, http.StatusNotFound)
		wantBody(t, "404 page", r, "Page not found", "Alice Example") // still shows who is signed in
		r = alice.get("/no/such/page")
		wantStatus(t, "unrouted path", r, http.StatusNotFound)
		wantBody(t, "unrouted 404 page", r, "Page not found", "Alice Example")

		r = alice.post("/settings/profile", url.Values{"display_name": {"Alice in Pins"}, "bio": {"I pin <b>bread</b>."}})
		wantStatus(t, "save profile", r, http.StatusSeeOther)
		wantBody(t, "settings after save", alice.get("/settings/profile"), "Profile saved", `value="Alice in Pins"`)
		wantBody(t, "profile after save", alice.get("/@alice"), "Alice in Pins", "I pin &lt;b&gt;bread&lt;/b&gt;.")

		r = alice.post("/settings/profile", url.Values{"display_name": {strings.Repeat("x", 101)}})
		wantStatus(t, "too long name", r, http.StatusUnprocessableEntity)
		wantBody(t, "too long name", r, "Display name must be at most 100 characters")

		r = env.browser().get("/settings/profile")
		wantStatus(t, "settings signed out", r, http.StatusSeeOther)
		if r.header.Get("Location") != "/login?next=%2Fsettings%2Fprofile" {
			t.Fatalf("Location %q", r.header.Get("Location"))
		}
	})
}

func TestWebLandingShowsRegistration(t *testing.T) {
	env := newWebEnv(t, "sqlite", webEnvOptions{})
	setMode(t, env.signedIn("root", true), "invite")
	r := env.browser().get("/")
	wantStatus(t, "landing", r, http.StatusOK)
	wantBody(t, "landing", r, "Collect what inspires you", "Joining is by invitation", `href="/signup"`)
}
