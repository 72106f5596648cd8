package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// apiEnv is one in-process instance for client API tests, with a settable
// clock, an admin account and a second database handle for counting rows.
type apiEnv struct {
	t      *testing.T
	srv    *server.Server
	ts     *httptest.Server
	client *http.Client
	clock  *apiClock
	db     *storage.DB
	admin  *corkboard.Account
}

// apiEnvOptions tune an instance; zero values are test defaults.
type apiEnvOptions struct {
	TokenLifetime  time.Duration
	RateLimitScale float64 // default 100: only rate-limit tests meet a limit
}

const apiPassword = "admin-password"

func newAPIEnv(t *testing.T, kind string, opts apiEnvOptions) *apiEnv {
	t.Helper()
	if opts.RateLimitScale == 0 {
		opts.RateLimitScale = 100
	}
	env := &apiEnv{t: t, clock: &apiClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}
	sc := storagetest.Config(t, kind)
	cfg := server.Defaults()
	cfg.BaseURL, cfg.DataDir, cfg.DatabaseURL, cfg.Version = "https://pins.test", sc.DataDir, sc.URL, "test"
	cfg.BcryptCost, cfg.RateLimitScale, cfg.Now, cfg.TokenLifetime = 4, opts.RateLimitScale, env.clock.Now, opts.TokenLifetime
	cfg.Logger, cfg.SetupNotice = slog.New(slog.DiscardHandler), func(string) {}
	srv, err := server.New(context.Background(), cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	env.srv, env.ts = srv, httptest.NewServer(srv.Handler())
	t.Cleanup(env.ts.Close)
	// Redirects are asserted, not followed: they carry the codes.
	env.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if env.db, err = storage.Open(context.Background(), sc); err != nil {
		t.Fatalf("open database for counting: %v", err)
	}
	t.Cleanup(func() { _ = env.db.Close() })
	env.admin, err = srv.Service().CreateAccount(context.Background(), corkboard.NewAccount{
		Username: "admin", Password: apiPassword, IsAdmin: true, Approved: true, DisplayName: "Ad Min"})
	if err != nil {
		t.Fatalf("create admin: %v", err)
	}
	return env
}

// eachAPIKind runs fn once per database kind, each on a fresh instance.
func eachAPIKind(t *testing.T, opts apiEnvOptions, fn func(t *testing.T, env *apiEnv)) {
	t.Helper()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newAPIEnv(t, kind, opts)) })
	}
}

// apiResponse is a response read to its end.
type apiResponse struct {
	Status int
	Header http.Header
	Body   string
}

// JSON decodes the body, failing the test when it is not JSON.
func (r apiResponse) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.Body), &m); err != nil {
		t.Fatalf("response %d is not a JSON object: %v\n%s", r.Status, err, r.Body)
	}
	return m
}

// do sends a request; edit may add headers.
func (e *apiEnv) do(method, path string, body io.Reader, edit func(*http.Request)) apiResponse {
	e.t.Helper()
	req, err := http.NewRequest(method, e.ts.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if edit != nil {
		edit(req)
	}
	res, err := e.client.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return apiResponse{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

// get calls the API with a bearer token ("" for none).
func (e *apiEnv) get(path, token string) apiResponse {
	return e.do(http.MethodGet, path, nil, func(r *http.Request) {
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
	})
}

// postForm sends a form; cookies are "name=value" pairs for the Cookie header.
func (e *apiEnv) postForm(path string, form url.Values, cookies ...string) apiResponse {
	return e.do(http.MethodPost, path, strings.NewReader(form.Encode()), func(r *http.Request) {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if len(cookies) > 0 {
			r.Header.Set("Cookie", strings.Join(cookies, "; "))
		}
	})
}

// count returns the number of rows in an OAuth table, to show that a
// refused request stored nothing.
func (e *apiEnv) count(table string) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.Gorm().Table(table).Count(&n).Error; err != nil {
		e.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func wantAPIStatus(t *testing.T, what string, r apiResponse, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, r.Status, status, r.Body)
	}
}

// apiClock is a settable clock, safe to read from the server's goroutines.
type apiClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *apiClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *apiClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
