package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// pinsEnv is an apiEnv whose base URL is its own test server's, so the
// absolute URLs in answers (media, pages) can be fetched as they are, and
// whose media live in a temporary directory the test can inspect.
type pinsEnv struct {
	*apiEnv
	dataDir string
}

// newPinsEnv starts an instance; configure may change its Config.
func newPinsEnv(t *testing.T, kind string, configure func(*server.Config)) *pinsEnv {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	t.Cleanup(ts.Close)
	env := &pinsEnv{apiEnv: &apiEnv{t: t, ts: ts, clock: &apiClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}},
		dataDir: t.TempDir()}
	sc := storagetest.Config(t, kind)
	sc.DataDir = env.dataDir
	cfg := server.Defaults()
	cfg.BaseURL, cfg.DataDir, cfg.DatabaseURL, cfg.Version = "http://"+ts.Listener.Addr().String(), sc.DataDir, sc.URL, "test"
	cfg.BcryptCost, cfg.RateLimitScale, cfg.Now = 4, 100, env.clock.Now
	cfg.Logger, cfg.SetupNotice = slog.New(slog.DiscardHandler), func(string) {}
	if configure != nil {
		configure(&cfg)
	}
	srv, err := server.New(context.Background(), cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	env.srv, ts.Config.Handler = srv, srv.Handler()
	ts.Start()
	env.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if env.db, err = storage.Open(context.Background(), sc); err != nil {
		t.Fatalf("open database for counting: %v", err)
	}
	t.Cleanup(func() { _ = env.db.Close() })
	env.admin = env.user("admin")
	return env
}

// eachPinsKind runs fn once per database kind, each on a fresh instance.
func eachPinsKind(t *testing.T, fn func(t *testing.T, env *pinsEnv)) {
	t.Helper()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newPinsEnv(t, kind, nil)) })
	}
}

// user makes an approved account.
func (e *pinsEnv) user(name string) *corkboard.Account {
	e.t.Helper()
	a, err := e.srv.Service().CreateAccount(context.Background(), corkboard.NewAccount{
		Username: name, Password: name + "-password", Approved: true, DisplayName: strings.ToUpper(name[:1]) + name[1:]})
	if err != nil {
		e.t.Fatalf("create account %s: %v", name, err)
	}
	return a
}

// token issues a token for a as the admin CLI does ("" scopes: all).
func (e *pinsEnv) token(a *corkboard.Account, scopes string) string {
	e.t.Helper()
	tok, err := e.srv.Service().IssueToken(context.Background(), a, scopes)
	if err != nil {
		e.t.Fatalf("IssueToken: %v", err)
	}
	return tok
}

// call sends a request with an optional bearer token and a form body.
func (e *pinsEnv) call(method, path, token string, form url.Values) apiResponse {
	e.t.Helper()
	var body *strings.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	return e.do(method, path, body, func(r *http.Request) {
		if form != nil {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
	})
}

// upload posts a multipart form to path; file (if not nil) is the "file" part.
func (e *pinsEnv) upload(path, token string, fields map[string]string, file []byte) apiResponse {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	if file != nil {
		fw, _ := mw.CreateFormFile("file", "upload.bin")
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return e.do(http.MethodPost, path, &buf, func(r *http.Request) {
		r.Header.Set("Content-Type", mw.FormDataContentType())
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
	})
}

// createBoard makes a board through the API and returns its JSON.
func (e *pinsEnv) createBoard(token, title string, secret bool) map[string]any {
	e.t.Helper()
	r := e.call(http.MethodPost, "/api/v1/boards", token, url.Values{"title": {title}, "secret": {boolString(secret)}})
	wantAPIStatus(e.t, "create board "+title, r, http.StatusOK)
	return r.JSON(e.t)
}

// createPin uploads a generated PNG as a pin on boardID.
func (e *pinsEnv) createPin(token, boardID, description string) map[string]any {
	e.t.Helper()
	r := e.upload("/api/v1/pins", token, map[string]string{"board_id": boardID, "description": description},
		pngBytes(e.t, 300, 200))
	wantAPIStatus(e.t, "create pin", r, http.StatusOK)
	return r.JSON(e.t)
}

// list decodes a JSON array answer.
func (r apiResponse) list(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		t.Fatalf("response %d is not a JSON array: %v\n%s", r.Status, err, r.Body)
	}
	return out
}

// mediaFiles counts the files in the instance's media store.
func (e *pinsEnv) mediaFiles() int {
	e.t.Helper()
	n := 0
	err := filepath.WalkDir(filepath.Join(e.dataDir, "media"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		e.t.Fatalf("walk media: %v", err)
	}
	return n
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// str reads a string field of decoded JSON, failing when it is not one.
func str(t *testing.T, m map[string]any, key string) string {
	t.Helper()
	s, ok := m[key].(string)
	if !ok {
		t.Fatalf("%s = %#v, want a string in %v", key, m[key], m)
	}
	return s
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
