package activitypub_test

import (
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
	"github.com/labstack/echo/v4"
)

// outbound is one instance's federation layer on a real database, without
// the rest of the server: its routes on an httptest server (so receivers
// can fetch our keys) and, when started, its delivery workers.
type outbound struct {
	t     testing.TB
	ctx   context.Context
	db    *storage.DB
	fed   *activitypub.Federation
	url   string
	http  http.Handler // the federation routes, for in-process requests
	alice *corkboard.Account
	board *corkboard.Board
}

func newOutbound(t testing.TB, kind string, opts activitypub.DeliveryOptions) *outbound {
	t.Helper()
	db := storagetest.Open(t, kind)
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	svc := corkboard.NewService(db, nil, nil, corkboard.ServiceOptions{BaseURL: base})
	client := safehttp.New(safehttp.Config{AllowPrivate: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	fed, err := activitypub.New(activitypub.Deps{Service: svc, Store: db, BaseURL: base, Client: client,
		Log: slog.New(slog.DiscardHandler), Version: "test", Delivery: opts})
	if err != nil {
		t.Fatal(err)
	}
	svc.SetFederator(fed)
	e := echo.New()
	fed.Register(e)
	srv.Config.Handler = e
	srv.Start()
	t.Cleanup(srv.Close)
	o := &outbound{t: t, ctx: context.Background(), db: db, fed: fed, url: base, http: e}
	o.alice = o.localAccount("alice")
	o.board = o.localBoard(o.alice, "recipes", false)
	return o
}

// startWorkers runs the instance's job workers until the test ends.
func (o *outbound) startWorkers() {
	o.t.Helper()
	client, err := o.db.NewQueueClient(o.fed.QueueConfig())
	if err != nil {
		o.t.Fatal(err)
	}
	if err := client.Start(o.ctx); err != nil {
		o.t.Fatal(err)
	}
	o.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = client.Stop(ctx)
	})
}

func (o *outbound) localAccount(username string) *corkboard.Account {
	o.t.Helper()
	now := time.Now().UTC()
	a := &corkboard.Account{Username: username, Approved: true, CreatedAt: now, UpdatedAt: now}
	if err := o.db.CreateAccount(o.ctx, a, ""); err != nil {
		o.t.Fatal(err)
	}
	return a
}

func (o *outbound) localBoard(owner *corkboard.Account, slug string, secret bool) *corkboard.Board {
	o.t.Helper()
	now := time.Now().UTC()
	b := &corkboard.Board{AccountID: owner.ID, Slug: slug, Title: strings.ToUpper(slug[:1]) + slug[1:], Secret: secret,
		CreatedAt: now, UpdatedAt: now, Account: owner}
	if err := o.db.CreateBoard(o.ctx, b); err != nil {
		o.t.Fatal(err)
	}
	return b
}

// pin stores a pin on board (its owner's), as CreatePin would.
func (o *outbound) pin(b *corkboard.Board, title string) *corkboard.Pin {
	o.t.Helper()
	now := time.Now().UTC()
	p := &corkboard.Pin{AccountID: b.AccountID, BoardID: b.ID, Title: title, Description: "Crisp and sharp #baking",
		Link: "https://food.example/tart", Tags: []string{"baking"}, Secret: b.Secret, CreatedAt: now, UpdatedAt: now,
		Image: corkboard.Image{Key: "0123456789abcdef0123456789abcdef.jpg", ContentType: "image/jpeg", Width: 800, Height: 600, Blurhash: "LEHV6nWB2yk8pyo0adR*.7kCMdnj"}}
	if err := o.db.CreatePin(o.ctx, p); err != nil {
		o.t.Fatal(err)
	}
	return p
}

// remoteAccount stores a remote person on host (host:port for a test
// receiver, whose scheme is http), with a shared inbox when shared.
func (o *outbound) remoteAccount(name, host string, shared bool) *corkboard.Account {
	o.t.Helper()
	scheme := "https://"
	if strings.Contains(host, ":") {
		scheme = "http://"
	}
	base := scheme + host
	a := &corkboard.Account{Username: name, Domain: host, IRI: base + "/users/" + name, InboxURL: base + "/users/" + name + "/inbox",
		Approved: true, ActorType: "Person", CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
	if shared {
		a.SharedInboxURL = base + "/inbox"
	}
	if err := o.db.UpsertRemoteAccount(o.ctx, a); err != nil {
		o.t.Fatal(err)
	}
	return a
}

// follow stores an accepted follow of a person (accountID) or a board.
func (o *outbound) follow(follower *corkboard.Account, accountID, boardID int64) *corkboard.Follow {
	o.t.Helper()
	fo := &corkboard.Follow{FollowerID: follower.ID, TargetAccountID: accountID, TargetBoardID: boardID, CreatedAt: time.Now().UTC()}
	if err := o.db.CreateFollow(o.ctx, fo); err != nil {
		o.t.Fatal(err)
	}
	return fo
}

// inTx runs fn as the Service would run a Federator method: inside the
// change's transaction.
func (o *outbound) inTx(fn func(tx corkboard.Store) error) {
	o.t.Helper()
	if err := o.db.InTx(o.ctx, fn); err != nil {
		o.t.Fatal(err)
	}
}

// delivery is an enqueued delivery job, its activity decoded.
type delivery struct {
	activitypub.DeliverArgs
	State    string
	Attempt  int
	Activity map[string]any
}

// deliveries lists the delivery jobs in insertion order.
func (o *outbound) deliveries() []delivery {
	o.t.Helper()
	args := "args::text"
	if o.db.Dialect() == "sqlite" {
		args = "json(args)"
	}
	var rows []struct {
		Args    string
		State   string
		Attempt int
	}
	err := o.db.Gorm().Raw(`SELECT ` + args + ` AS args, state, attempt FROM river_job WHERE kind = 'deliver' ORDER BY id`).Scan(&rows).Error
	if err != nil {
		o.t.Fatal(err)
	}
	out := make([]delivery, len(rows))
	for i, r := range rows {
		out[i].State, out[i].Attempt = r.State, r.Attempt
		if err := json.Unmarshal([]byte(r.Args), &out[i].DeliverArgs); err != nil {
			o.t.Fatal(err)
		}
		if err := json.Unmarshal(out[i].Body, &out[i].Activity); err != nil {
			o.t.Fatal(err)
		}
	}
	return out
}

// byType groups deliveries by activity type: type -> inbox -> delivery.
func byType(ds []delivery) map[string]map[string]delivery {
	out := map[string]map[string]delivery{}
	for _, d := range ds {
		typ, _ := d.Activity["type"].(string)
		if out[typ] == nil {
			out[typ] = map[string]delivery{}
		}
		out[typ][d.Inbox] = d
	}
	return out
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/golden")
	}
}

// checkGolden compares a document, normalised, with testdata/golden/name;
// -update rewrites it.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (run with -update if intended)\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

var (
	timestampPattern = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)
	pemPattern       = regexp.MustCompile(`-----BEGIN PUBLIC KEY-----[^"]*-----END PUBLIC KEY-----\\n`)
	mediaKeyPattern  = regexp.MustCompile(`/media/[0-9a-f/]{16,}(_\d+)?\.(jpg|png|gif)`)
	updatesPattern   = regexp.MustCompile(`#updates/\d+`)
)

// normalize makes a document comparable across runs: indented, with the
// instance's URL and host, keys, timestamps and media keys replaced.
func normalize(t *testing.T, doc []byte, baseURL string) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(buf.String(), baseURL, "https://cork.test")
	s = strings.ReplaceAll(s, strings.TrimPrefix(baseURL, "http://"), "cork.test")
	s = pemPattern.ReplaceAllString(s, "PUBLIC KEY PEM")
	s = timestampPattern.ReplaceAllString(s, "2026-01-01T00:00:00Z")
	s = mediaKeyPattern.ReplaceAllString(s, "/media/KEY.$2")
	s = updatesPattern.ReplaceAllString(s, "#updates/TIME")
	return []byte(s)
}
