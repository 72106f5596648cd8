package server_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"log/slog"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// pinEnv is a webEnv that also keeps its data directory and a second
// database handle, to show what a refused upload left behind. Its media
// always live in a temporary directory, on PostgreSQL too.
type pinEnv struct {
	*webEnv
	db      *storage.DB
	dataDir string
}

func newPinEnv(t *testing.T, kind string) *pinEnv {
	t.Helper()
	env := &webEnv{t: t, clock: &webClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}
	sc := storagetest.Config(t, kind)
	if sc.DataDir == "" {
		sc.DataDir = t.TempDir()
	}
	cfg := server.Defaults()
	cfg.BaseURL, cfg.Listen, cfg.DataDir, cfg.DatabaseURL = "http://example.test", "127.0.0.1:0", sc.DataDir, sc.URL
	cfg.BcryptCost, cfg.RateLimitScale, cfg.Now = 4, 100, env.clock.Now
	cfg.Logger = slog.New(slog.DiscardHandler)
	cfg.SetupNotice = func(string) {}
	srv, err := server.New(context.Background(), cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	env.srv = srv
	env.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(env.ts.Close)
	db, err := storage.Open(context.Background(), sc)
	if err != nil {
		t.Fatalf("open database for counting: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return &pinEnv{webEnv: env, db: db, dataDir: sc.DataDir}
}

// eachPinKind runs fn on a fresh pinEnv per database kind.
func eachPinKind(t *testing.T, fn func(t *testing.T, env *pinEnv)) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newPinEnv(t, kind)) })
	}
}

// count returns the rows of a table.
func (e *pinEnv) count(table string) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.Gorm().Table(table).Count(&n).Error; err != nil {
		e.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// mediaFiles counts the files in the media store.
func (e *pinEnv) mediaFiles() int {
	e.t.Helper()
	n := 0
	_ = filepath.WalkDir(filepath.Join(e.dataDir, "media"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func (e *pinEnv) account(username string) *corkboard.Account {
	e.t.Helper()
	a, err := e.srv.Service().PublicProfile(context.Background(), username)
	if err != nil {
		e.t.Fatalf("account %s: %v", username, err)
	}
	return a
}

// createBoard makes a board through the form and returns it.
func (e *pinEnv) createBoard(b *webBrowser, username, title string, secret bool) *corkboard.Board {
	e.t.Helper()
	form := url.Values{"title": {title}, "description": {"About " + title}}
	if secret {
		form.Set("secret", "1")
	}
	r := b.post("/boards/new", form)
	wantStatus(e.t, "create board "+title, r, http.StatusSeeOther)
	slug := strings.TrimPrefix(r.header.Get("Location"), "/@"+username+"/")
	owner := e.account(username)
	board, err := e.srv.Service().Board(context.Background(), owner, username, slug)
	if err != nil {
		e.t.Fatalf("board %s after create (Location %q): %v", title, r.header.Get("Location"), err)
	}
	return board
}

// uploadPin makes a pin through the multipart form and returns it.
func (e *pinEnv) uploadPin(b *webBrowser, board *corkboard.Board, description, link string) *corkboard.Pin {
	e.t.Helper()
	r := b.postFile("/pins", url.Values{"source": {"upload"}, "board_id": {id(board.ID)},
		"title": {"A pin"}, "description": {description}, "link": {link}}, "photo.png", testPNG(300, 450))
	wantStatus(e.t, "upload pin", r, http.StatusSeeOther)
	loc := r.header.Get("Location")
	if !strings.HasPrefix(loc, "/pins/") {
		e.t.Fatalf("upload redirects to %q, want /pins/<id>", loc)
	}
	return e.pinAs(board.AccountID, strings.TrimPrefix(loc, "/pins/"))
}

// pinAs loads a pin as the account viewerID sees it.
func (e *pinEnv) pinAs(viewerID int64, idText string) *corkboard.Pin {
	e.t.Helper()
	n, _ := strconv.ParseInt(idText, 10, 64)
	p, err := e.srv.Service().Pin(context.Background(), &corkboard.Account{ID: viewerID}, n)
	if err != nil {
		e.t.Fatalf("pin %s: %v", idText, err)
	}
	return p
}

// postFile sends a multipart form with one file in "image" (none when
// file is nil), with the browser's CSRF token unless fields set _csrf
// ("-" leaves it out).
func (b *webBrowser) postFile(path string, fields url.Values, name string, file []byte) webResponse {
	b.env.t.Helper()
	fields = maps.Clone(fields)
	switch fields.Get("_csrf") {
	case "":
		fields.Set("_csrf", b.csrf())
	case "-":
		fields.Del("_csrf")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if file != nil {
		fw, _ := mw.CreateFormFile("image", name)
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.env.ts.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// testPNG draws a w×h picture with a gradient, so that it has a colour.
func testPNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(200 * x / w), 120, uint8(200 * y / h), 255})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

// wantNoBody fails if the page contains any of parts.
func wantNoBody(t *testing.T, what string, r webResponse, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(r.body, p) {
			t.Fatalf("%s: page contains %q\n%s", what, p, r.body)
		}
	}
}

// regexpAll returns the first group of every match of pattern in s.
func regexpAll(t *testing.T, s, pattern string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(pattern).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}
