package corkboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// blockWorld is a Service with the host normalizer the server installs.
type blockWorld struct {
	t   *testing.T
	ctx context.Context
	db  *storage.DB
	svc *corkboard.Service
}

func newBlockWorld(t *testing.T, db *storage.DB) *blockWorld {
	svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, nil, corkboard.ServiceOptions{
		BaseURL: "https://pins.example", NormalizeHost: activitypub.NormalizeHost})
	return &blockWorld{t: t, ctx: context.Background(), db: db, svc: svc}
}

// remotePin stores a remote account on domain with a tagged pin.
func (w *blockWorld) remotePin(name, domain string) (*corkboard.Account, *corkboard.Pin) {
	w.t.Helper()
	now := time.Now()
	a := &corkboard.Account{Username: name, Domain: domain, IRI: "https://" + domain + "/users/" + name, Approved: true,
		CreatedAt: now, UpdatedAt: now, FetchedAt: now}
	if err := w.db.UpsertRemoteAccount(w.ctx, a); err != nil {
		w.t.Fatal(err)
	}
	b := &corkboard.Board{AccountID: a.ID, Slug: "pins", Title: "Pins", IRI: a.IRI + "#pins", CreatedAt: now, UpdatedAt: now}
	if err := w.db.UpsertRemoteBoard(w.ctx, b); err != nil {
		w.t.Fatal(err)
	}
	p := &corkboard.Pin{AccountID: a.ID, BoardID: b.ID, Description: "#lemons from " + domain, Tags: []string{"lemons"},
		IRI: a.IRI + "/notes/1", Image: corkboard.Image{Key: "k-" + name}, CreatedAt: now, UpdatedAt: now}
	if err := w.db.CreatePin(w.ctx, p); err != nil {
		w.t.Fatal(err)
	}
	return a, p
}

func TestDomainBlockMatching(t *testing.T) {
	w := newBlockWorld(t, storagetest.Open(t, "sqlite"))
	for _, b := range []struct {
		domain string
		sev    corkboard.BlockSeverity
	}{{"Example.COM.", corkboard.SeveritySuspend}, {"bücher.example", corkboard.SeveritySilence},
		{"loud.example", corkboard.SeveritySilence}, {"very.loud.example", corkboard.SeveritySuspend}} {
		if _, err := w.svc.BlockDomain(w.ctx, b.domain, b.sev, "test"); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		host string
		want corkboard.BlockSeverity // "" for none
	}{
		{"example.com", corkboard.SeveritySuspend},
		{"sub.example.com", corkboard.SeveritySuspend},
		{"EXAMPLE.COM.:443", corkboard.SeveritySuspend},
		{"a.b.Example.com:8080", corkboard.SeveritySuspend},
		{"notexample.com", ""},
		{"example.com.evil.test", ""},
		{"xn--bcher-kva.example", corkboard.SeveritySilence},
		{"BÜCHER.example", corkboard.SeveritySilence},
		{"www.xn--bcher-kva.example:80", corkboard.SeveritySilence},
		{"loud.example", corkboard.SeveritySilence},
		{"x.very.loud.example", corkboard.SeveritySuspend}, // the most severe covering block wins
		{"bad host/name", corkboard.SeveritySuspend},       // unusable: treated as blocked
	}
	for _, tt := range tests {
		b, err := w.svc.DomainBlockFor(w.ctx, tt.host)
		if err != nil {
			t.Fatal(err)
		}
		got := corkboard.BlockSeverity("")
		if b != nil {
			got = b.Severity
		}
		if got != tt.want {
			t.Errorf("DomainBlockFor(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
	if bs, _ := w.svc.DomainBlocks(w.ctx); len(bs) != 4 || bs[0].Domain != "example.com" {
		t.Errorf("stored blocks = %+v; want normalized domains", bs)
	}
	if err := w.svc.UnblockDomain(w.ctx, "EXAMPLE.com"); err != nil {
		t.Fatal(err)
	}
	if b, _ := w.svc.DomainBlockFor(w.ctx, "sub.example.com"); b != nil {
		t.Errorf("unblocked domain still blocked: %+v (the cache was not invalidated)", b)
	}
	for _, bad := range []struct {
		domain string
		sev    corkboard.BlockSeverity
	}{{"example.com", "ban"}, {"", corkboard.SeveritySuspend}, {"com/", corkboard.SeveritySuspend}} {
		if _, err := w.svc.BlockDomain(w.ctx, bad.domain, bad.sev, ""); corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Errorf("BlockDomain(%q, %q) = %v, want EINVALID", bad.domain, bad.sev, err)
		}
	}
}

// TestSuspendAndSilence: suspending removes what a domain brought;
// silencing keeps its pins off tag pages and search but not off feeds.
func TestSuspendAndSilence(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newBlockWorld(t, db)
		alice, err := w.svc.CreateAccount(w.ctx, corkboard.NewAccount{Username: "alice", Password: "password1", Approved: true})
		if err != nil {
			t.Fatal(err)
		}
		bad, badPin := w.remotePin("bad", "sub.bad.example:8443")
		quiet, quietPin := w.remotePin("quiet", "quiet.example")
		for _, target := range []*corkboard.Account{bad, quiet} {
			if err := db.CreateFollow(w.ctx, &corkboard.Follow{FollowerID: alice.ID, TargetAccountID: target.ID, CreatedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
			if err := db.Backfill(w.ctx, alice.ID, target.ID, 0, 10); err != nil {
				t.Fatal(err)
			}
		}
		if page, _ := w.svc.TagPins(w.ctx, nil, "lemons", 0, 10); len(page.Pins) != 2 {
			t.Fatalf("tag page before blocks has %d pins", len(page.Pins))
		}
		if people, _ := w.svc.SearchPeople(w.ctx, "quiet", 10); len(people) != 1 {
			t.Fatalf("people search before blocks finds %d", len(people))
		}
		if boards, _ := w.svc.SearchBoards(w.ctx, alice, "pins", 10); len(boards) != 2 {
			t.Fatalf("board search before blocks finds %d", len(boards))
		}

		if _, err := w.svc.BlockDomain(w.ctx, "bad.example", corkboard.SeveritySuspend, "spam"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PinByID(w.ctx, badPin.ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("a suspended domain's pin survived: %v", err)
		}
		if ok, _ := w.svc.Following(w.ctx, alice, bad.ID, 0); ok {
			t.Error("a follow of a suspended account survived")
		}

		if _, err := w.svc.BlockDomain(w.ctx, "quiet.example", corkboard.SeveritySilence, ""); err != nil {
			t.Fatal(err)
		}
		if page, _ := w.svc.TagPins(w.ctx, nil, "lemons", 0, 10); len(page.Pins) != 0 {
			t.Errorf("tag page shows %d pins of blocked domains", len(page.Pins))
		}
		if page, _ := w.svc.SearchPins(w.ctx, alice, "lemons", 0, 10); len(page.Pins) != 0 {
			t.Errorf("search shows %d pins of a silenced domain", len(page.Pins))
		}
		if people, _ := w.svc.SearchPeople(w.ctx, "quiet", 10); len(people) != 0 {
			t.Errorf("people search shows %d people of a silenced domain", len(people))
		}
		if boards, _ := w.svc.SearchBoards(w.ctx, alice, "pins", 10); len(boards) != 0 {
			t.Errorf("board search shows %d boards of a silenced domain", len(boards))
		}
		feed, err := w.svc.HomeFeed(w.ctx, alice, 0, 10)
		if err != nil || len(feed.Pins) != 1 || feed.Pins[0].ID != quietPin.ID {
			t.Errorf("alice's feed = %d pins, %v; want the silenced account's pin she follows", len(feed.Pins), err)
		}
	})
}
