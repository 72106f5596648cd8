package server_test

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// webEnv is one in-process instance with a controllable clock.
type webEnv struct {
	t         *testing.T
	srv       *server.Server
	ts        *httptest.Server
	clock     *webClock
	setupLink string // the first-run link the server announced
}

// webEnvOptions tune an instance; zero values are test defaults.
type webEnvOptions struct {
	BaseURL        string
	RateLimitScale float64 // default 100: tests other than rate limits never hit one
}

func newWebEnv(t *testing.T, kind string, opts webEnvOptions) *webEnv {
	t.Helper()
	if opts.BaseURL == "" {
		opts.BaseURL = "http://example.test"
	}
	if opts.RateLimitScale == 0 {
		opts.RateLimitScale = 100
	}
	env := &webEnv{t: t, clock: &webClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}
	sc := storagetest.Config(t, kind)
	cfg := server.Defaults()
	cfg.BaseURL, cfg.Listen, cfg.DataDir, cfg.DatabaseURL = opts.BaseURL, "127.0.0.1:0", sc.DataDir, sc.URL
	cfg.BcryptCost, cfg.RateLimitScale, cfg.Now = 4, opts.RateLimitScale, env.clock.Now
	cfg.Logger = slog.New(slog.DiscardHandler)
	cfg.SetupNotice = func(link string) { env.setupLink = link }
	srv, err := server.New(context.Background(), cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	env.srv = srv
	env.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(env.ts.Close)
	return env
}

// setupPath is the announced setup link, relative to the test server.
func (e *webEnv) setupPath() string {
	u, err := url.Parse(e.setupLink)
	if err != nil || e.setupLink == "" {
		e.t.Fatalf("no setup link announced (%q)", e.setupLink)
	}
	return u.RequestURI()
}

// createAccount makes an account directly through the Service.
func (e *webEnv) createAccount(username string, admin bool) *corkboard.Account {
	e.t.Helper()
	a, err := e.srv.Service().CreateAccount(context.Background(), corkboard.NewAccount{
		Username: username, Password: username + "-password", Email: username + "@example.test",
		DisplayName: strings.ToUpper(username[:1]) + username[1:] + " Example", IsAdmin: admin, Approved: true,
	})
	if err != nil {
		e.t.Fatalf("create account %s: %v", username, err)
	}
	return a
}

// signedIn returns a browser signed in as a new account.
func (e *webEnv) signedIn(username string, admin bool) *webBrowser {
	e.t.Helper()
	e.createAccount(username, admin)
	b := e.browser()
	if r := b.post("/login", url.Values{"username": {username}, "password": {username + "-password"}}); r.status != http.StatusSeeOther {
		e.t.Fatalf("sign in as %s: status %d\n%s", username, r.status, r.body)
	}
	return b
}

// webBrowser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see every 303.
type webBrowser struct {
	env    *webEnv
	client *http.Client
}

func (e *webEnv) browser() *webBrowser {
	jar, _ := cookiejar.New(nil)
	return &webBrowser{env: e, client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// webResponse is what a test looks at.
type webResponse struct {
	status int
	header http.Header
	body   string
}

func (b *webBrowser) do(req *http.Request) webResponse {
	b.env.t.Helper()
	resp, err := b.client.Do(req)
	if err != nil {
		b.env.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return webResponse{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

func (b *webBrowser) get(path string) webResponse {
	b.env.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.env.ts.URL+path, nil)
	return b.do(req)
}

// post sends a form with the browser's CSRF token, unless form sets _csrf
// itself (to test a wrong one) or has it set to "-" (to leave it out).
func (b *webBrowser) post(path string, form url.Values) webResponse {
	b.env.t.Helper()
	form = maps.Clone(form) // table tests share their forms
	if form == nil {
		form = url.Values{}
	}
	switch form.Get("_csrf") {
	case "":
		form.Set("_csrf", b.csrf())
	case "-":
		form.Del("_csrf")
	}
	req, _ := http.NewRequest(http.MethodPost, b.env.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// csrf is the browser's CSRF token, fetching a page first if it has none.
func (b *webBrowser) csrf() string {
	if v := b.cookie("corkboard_csrf"); v != "" {
		return v
	}
	b.get("/login")
	return b.cookie("corkboard_csrf")
}

func (b *webBrowser) cookie(name string) string {
	u, _ := url.Parse(b.env.ts.URL)
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// setCookie puts a cookie in the jar, to replay an old session.
func (b *webBrowser) setCookie(name, value string) {
	u, _ := url.Parse(b.env.ts.URL)
	b.client.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// webClock is a clock tests move forward.
type webClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *webClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *webClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
