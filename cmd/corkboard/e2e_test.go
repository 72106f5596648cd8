package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corkboard/corkboard/storage/storagetest"
)

const alicePassword = "correct horse battery"

// TestE2EAdminTokenAPI creates an account and a token with the admin CLI
// and uses the token against the running server's API.
func TestE2EAdminTokenAPI(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			in := newInstance(t, kind)
			srv := startServer(t, in)
			resp, _ := get(t, http.DefaultClient, srv.URL+"/readyz")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /readyz = %d, want 200", resp.StatusCode)
			}
			id := createUser(t, in, "alice", alicePassword)
			token := lastLine(runCLI(t, in, "admin", "token", "--username", "alice"))

			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/accounts/verify_credentials", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, body := fetch(t, http.DefaultClient, req)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("verify_credentials = %d, want 200: %s", resp.StatusCode, body)
			}
			var account map[string]any
			if err := json.Unmarshal([]byte(body), &account); err != nil {
				t.Fatalf("verify_credentials: %v: %s", err, body)
			}
			want := map[string]any{"username": "alice", "acct": "alice", "id": id} // Mastodon ids are strings
			for k, v := range want {
				if account[k] != v {
					t.Errorf("verify_credentials %s = %#v, want %#v", k, account[k], v)
				}
			}
		})
	}
}

// TestE2ESignInThroughForms signs in through the HTML log-in form, as a
// browser does: CSRF token from the page, session cookie, then the home page.
func TestE2ESignInThroughForms(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			in := newInstance(t, kind)
			srv := startServer(t, in)
			createUser(t, in, "alice", alicePassword)
			browser := newBrowser(t)

			resp, page := get(t, browser, srv.URL+"/login")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /login = %d, want 200: %s", resp.StatusCode, page)
			}
			form := url.Values{"username": {"alice"}, "password": {alicePassword}, "_csrf": {hiddenInput(t, page, "_csrf")}}
			resp, body := postForm(t, browser, srv.URL, srv.URL+"/login", form)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("POST /login = %d, want 303: %s", resp.StatusCode, body)
			}
			if loc, err := resp.Location(); err != nil || loc.String() != srv.URL+"/" {
				t.Errorf("POST /login redirects to %v (%v), want /", loc, err)
			}
			if !hasCookie(resp, "corkboard_session") {
				t.Errorf("POST /login set no corkboard_session cookie: %v", resp.Header.Values("Set-Cookie"))
			}
			resp, home := get(t, browser, srv.URL+"/")
			if resp.StatusCode != http.StatusOK || !strings.Contains(home, "alice") {
				t.Errorf("GET / after signing in = %d and does not name alice:\n%s", resp.StatusCode, home)
			}
		})
	}
}

// TestE2EStartupLog wants the setup link in the log while no account
// exists, not after, and never the database password.
func TestE2EStartupLog(t *testing.T) {
	t.Parallel()
	cases := map[string]func(t *testing.T) (instance, string){
		"sqlite": func(t *testing.T) (instance, string) { return newInstance(t, "sqlite"), "" },
	}
	if slices.Contains(storagetest.Kinds(t), "postgres") {
		cases["postgres password in URL"] = func(t *testing.T) (instance, string) {
			in := newInstance(t, "postgres")
			u, secret := withPassword(t, in.setting("CORKBOARD_DATABASE_URL"))
			u.User = url.UserPassword(u.User.Username(), secret)
			return in.with("CORKBOARD_DATABASE_URL=" + u.String()), secret
		}
		cases["postgres password in query"] = func(t *testing.T) (instance, string) {
			in := newInstance(t, "postgres")
			u, secret := withPassword(t, in.setting("CORKBOARD_DATABASE_URL"))
			u.User = url.User(u.User.Username())
			q := u.Query()
			q.Set("password", secret)
			u.RawQuery = q.Encode()
			return in.with("CORKBOARD_DATABASE_URL=" + u.String()), secret
		}
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in, secret := setup(t)
			srv := startServer(t, in)
			setupLink := srv.URL + "/setup?token="
			if !strings.Contains(srv.Logs(), setupLink) {
				t.Errorf("the start-up log of an instance without accounts has no setup link %s...:\n%s", setupLink, srv.Logs())
			}
			if code := srv.Stop(t); code != 0 {
				t.Fatalf("exit code %d after SIGTERM", code)
			}
			logs := srv.Logs()
			createUser(t, in, "alice", alicePassword)
			again := startServer(t, in)
			if strings.Contains(again.Logs(), "/setup?token=") {
				t.Errorf("the start-up log still offers a setup link after an account exists:\n%s", again.Logs())
			}
			if secret != "" && strings.Contains(logs+again.Logs(), secret) {
				t.Errorf("the log shows the database password:\n%s%s", logs, again.Logs())
			}
		})
	}
}

// withPassword parses a database URL and returns it with the password a
// test may put on it: its own, or a made-up one (trust auth ignores it).
func withPassword(t *testing.T, raw string) (*url.URL, string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := u.User.Password(); ok {
		return u, p
	}
	if p := u.Query().Get("password"); p != "" {
		return u, p
	}
	return u, "s3cret-" + randomHex(8)
}

// TestE2EGracefulShutdown wants SIGTERM to stop the server cleanly: exit 0
// within the Stop limit, after it logged the shutdown.
func TestE2EGracefulShutdown(t *testing.T) {
	t.Parallel()
	srv := startServer(t, newInstance(t, "sqlite"))
	if code := srv.Stop(t); code != 0 {
		t.Fatalf("exit code %d after SIGTERM, want 0:\n%s", code, srv.Logs())
	}
	if !strings.Contains(srv.Logs(), "shutting down") {
		t.Errorf("no shutdown in the log:\n%s", srv.Logs())
	}
}

// TestE2EHealthcheck runs the container health check against a running
// server, listening on the wildcard address as in the image, and against
// nothing.
func TestE2EHealthcheck(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "sqlite")
	startServer(t, in)
	port := in.URL[strings.LastIndex(in.URL, ":")+1:]
	stdout, stderr, code := runBinary(t, in.with("CORKBOARD_LISTEN=0.0.0.0:"+port), "healthcheck")
	if code != 0 || strings.TrimSpace(stdout) != "ready" {
		t.Errorf("healthcheck of a running server: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	_, stderr, code = runBinary(t, in.with("CORKBOARD_LISTEN=127.0.0.1:"+freePort(t)), "healthcheck", "--timeout", "2s")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "healthcheck") {
		t.Errorf("healthcheck with no server: exit %d, stderr %q; want 1 and one line", code, stderr)
	}
}

// TestE2EBadSettingExits wants a bad setting to stop the binary at once
// with one line on stderr that names the setting, and no stack trace.
func TestE2EBadSettingExits(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		setting string // as NAME=value, or a flag
		names   string // what the message must name
	}{
		{"log format", "CORKBOARD_LOG_FORMAT=xml", "CORKBOARD_LOG_FORMAT"},
		{"private addresses", "CORKBOARD_ALLOW_PRIVATE_ADDRESSES=notacidr", "CORKBOARD_ALLOW_PRIVATE_ADDRESSES"},
		{"trusted proxies", "CORKBOARD_TRUSTED_PROXIES=10.0.0.0/99", "CORKBOARD_TRUSTED_PROXIES"},
		{"base URL", "CORKBOARD_BASE_URL=ftp://pins.example", "CORKBOARD_BASE_URL"},
		{"database URL", "CORKBOARD_DATABASE_URL=mysql://db/pins", "CORKBOARD_DATABASE_URL"},
		{"log level", "CORKBOARD_LOG_LEVEL=loud", "CORKBOARD_LOG_LEVEL"},
		{"token lifetime", "CORKBOARD_TOKEN_LIFETIME=forever", "CORKBOARD_TOKEN_LIFETIME"},
		{"rate limit scale", "CORKBOARD_RATE_LIMIT_SCALE=fast", "CORKBOARD_RATE_LIMIT_SCALE"},
		{"delivery retry base", "CORKBOARD_DELIVERY_RETRY_BASE=0s", "CORKBOARD_DELIVERY_RETRY_BASE"},
		{"delivery timeout", "CORKBOARD_DELIVERY_TIMEOUT=soon", "CORKBOARD_DELIVERY_TIMEOUT"},
		{"flag", "--log-level=loud", "--log-level"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in, args := newInstance(t, "sqlite"), []string{"serve"}
			if strings.HasPrefix(c.setting, "--") {
				args = append(args, c.setting)
			} else {
				in = in.with(c.setting)
			}
			stdout, stderr, code := runBinary(t, in, args...)
			line := strings.TrimSpace(stderr)
			switch {
			case code == 0:
				t.Fatalf("exit 0 with %s", c.setting)
			case strings.Contains(line, "\n"):
				t.Errorf("stderr has more than one line:\n%s", stderr)
			case !strings.Contains(line, c.names):
				t.Errorf("stderr %q does not name %s", line, c.names)
			case stackTrace.MatchString(stderr + stdout):
				t.Errorf("a stack trace:\n%s%s", stdout, stderr)
			}
		})
	}
}

var stackTrace = regexp.MustCompile(`goroutine \d|panic:|\.go:\d`)

// createUser creates an approved account with the admin CLI and returns its
// id as the API shows it.
func createUser(t *testing.T, in instance, username, password string) string {
	t.Helper()
	out := runCLI(t, in, "admin", "create-user", "--username", username, "--password", password)
	m := regexp.MustCompile(`\(id (\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("create-user printed no id: %q", out)
	}
	return m[1]
}

func hasCookie(resp *http.Response, name string) bool {
	for _, c := range resp.Cookies() {
		if c.Name == name && c.Value != "" {
			return true
		}
	}
	return false
}
