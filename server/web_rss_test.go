package server_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
)

// rssDoc is the part of an RSS 2.0 document the tests read.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string    `xml:"title"`
		Link  string    `xml:"link"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	PubDate     string `xml:"pubDate"`
	GUID        struct {
		ID          string `xml:",chardata"`
		IsPermaLink string `xml:"isPermaLink,attr"`
	} `xml:"guid"`
	Enclosure struct {
		URL    string `xml:"url,attr"`
		Length string `xml:"length,attr"`
		Type   string `xml:"type,attr"`
	} `xml:"enclosure"`
}

// parseRSS fails the test unless r is an RSS 2.0 document.
func parseRSS(t *testing.T, what string, r webResponse) rssDoc {
	t.Helper()
	wantStatus(t, what, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); ct != "application/rss+xml; charset=utf-8" {
		t.Fatalf("%s: Content-Type %q", what, ct)
	}
	var doc rssDoc
	if err := xml.Unmarshal([]byte(r.body), &doc); err != nil {
		t.Fatalf("%s: not XML: %v\n%s", what, err, r.body)
	}
	if doc.Version != "2.0" || doc.Channel.Title == "" || doc.Channel.Link == "" {
		t.Fatalf("%s: not an RSS 2.0 channel: version %q, title %q, link %q", what, doc.Version, doc.Channel.Title, doc.Channel.Link)
	}
	return doc
}

// uploadBigPin makes a pin whose image is wide enough to have a 736 px
// thumbnail, at the current test time.
func (e *pinEnv) uploadBigPin(b *webBrowser, board *corkboard.Board, title, description string) *corkboard.Pin {
	e.t.Helper()
	r := b.postFile("/pins", url.Values{"source": {"upload"}, "board_id": {id(board.ID)}, "title": {title},
		"description": {description}, "alt_text": {"A gradient"}}, "photo.png", testPNG(1000, 800))
	wantStatus(e.t, "upload pin "+title, r, http.StatusSeeOther)
	return e.pinAs(board.AccountID, strings.TrimPrefix(r.header.Get("Location"), "/pins/"))
}

// mediaKey hides the random part of media keys in golden files.
var mediaKey = regexp.MustCompile(`[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}`)

func TestWebRSSProfileFeed(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		public := env.createBoard(alice, "alice", "Recipes", false)
		secret := env.createBoard(alice, "alice", "Surprise", true)
		first := env.uploadBigPin(alice, public, "Sourdough", "Crumb shot #bread <b>bold</b> & more\nsecond line")
		env.clock.Advance(time.Hour)
		env.uploadBigPin(alice, secret, "", "hushhushword for the party")
		env.clock.Advance(time.Hour)
		env.uploadBigPin(alice, public, "", "Lemon tart, no title")

		r := env.browser().get("/@alice/feed.rss")
		doc := parseRSS(t, "profile feed", r)
		if len(doc.Channel.Items) != 2 || strings.Contains(r.body, "hushhushword") {
			t.Fatalf("want the 2 public pins and not the secret one, got %d items:\n%s", len(doc.Channel.Items), r.body)
		}
		item := doc.Channel.Items[1]
		page := "http://example.test/pins/" + id(first.ID)
		if item.Link != page || item.GUID.ID != page || item.GUID.IsPermaLink != "true" || item.Title != "Sourdough" {
			t.Errorf("item link %q, guid %q (permalink %q), title %q; want the pin's page %s", item.Link, item.GUID.ID, item.GUID.IsPermaLink, item.Title, page)
		}
		large := first.Image.Variant(736)
		if large.Width != 736 || item.Enclosure.URL != "http://example.test/media/"+large.Key || item.Enclosure.Type != large.ContentType {
			t.Errorf("enclosure %+v, want the 736 px image %+v", item.Enclosure, large)
		}
		got := env.browser().get("/media/" + large.Key)
		if item.Enclosure.Length != id(int64(len(got.body))) {
			t.Errorf("enclosure length %s, the image has %d bytes", item.Enclosure.Length, len(got.body))
		}
		if !strings.Contains(item.Description, `&lt;b&gt;bold&lt;/b&gt; &amp; more<br>second line`) || !strings.Contains(item.Description, `<img src="http://example.test/media/`) {
			t.Errorf("description is not the thumbnail and the escaped text: %s", item.Description)
		}
		checkGolden(t, filepath.Join("testdata", "feed_profile.rss"), mediaKey.ReplaceAll([]byte(r.body), []byte("KEY")))
	})
}

func TestWebRSSCaching(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice := env.signedIn("alice", false)
	board := env.createBoard(alice, "alice", "Recipes", false)
	env.uploadBigPin(alice, board, "Sourdough", "Crumb shot")
	b := env.browser()
	r := b.get("/@alice/feed.rss")
	etag := r.header.Get("ETag")
	if etag == "" || r.header.Get("Cache-Control") != "public, max-age=300" || r.header.Get("Set-Cookie") != "" {
		t.Fatalf("ETag %q, Cache-Control %q, Set-Cookie %q: want a cacheable, cookie-free feed", etag, r.header.Get("Cache-Control"), r.header.Get("Set-Cookie"))
	}
	req, _ := http.NewRequest(http.MethodGet, env.ts.URL+"/@alice/feed.rss", nil)
	req.Header.Set("If-None-Match", etag)
	wantStatus(t, "unchanged feed", b.do(req), http.StatusNotModified)
	env.clock.Advance(time.Minute)
	env.uploadBigPin(alice, board, "Tart", "Lemon")
	if again := b.do(req); again.status != http.StatusOK {
		t.Fatalf("feed after a new pin: status %d, want 200 with a new ETag", again.status)
	}
}

func TestWebRSSNotFound(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		env.createBoard(alice, "alice", "Recipes", false)
		env.createBoard(alice, "alice", "Surprise", true)
		carol := env.signedIn("carol", false)
		env.createBoard(carol, "carol", "Knits", false)
		env.createAccount("dan", false)
		if err := env.db.Gorm().Exec(`UPDATE accounts SET disabled = ? WHERE username IN ('carol', 'dan')`, true).Error; err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := env.srv.Service().CreateAccount(ctx, corkboard.NewAccount{Username: "erin", Password: "erin-password",
			Email: "erin@example.test", Approved: false}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, path string
			want       int
		}{
			{"profile", "/@alice/feed.rss", http.StatusOK},
			{"public board", "/@alice/recipes/feed.rss", http.StatusOK},
			{"secret board", "/@alice/surprise/feed.rss", http.StatusNotFound},
			{"unknown board", "/@alice/nothing/feed.rss", http.StatusNotFound},
			{"unknown person", "/@nobody/feed.rss", http.StatusNotFound},
			{"remote person", "/@bob@elsewhere.example/feed.rss", http.StatusNotFound},
			{"remote board", "/@bob@elsewhere.example/recipes/feed.rss", http.StatusNotFound},
			{"disabled person", "/@dan/feed.rss", http.StatusNotFound},
			{"disabled person's board", "/@carol/knits/feed.rss", http.StatusNotFound},
			{"person awaiting approval", "/@erin/feed.rss", http.StatusNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				// Signed in as the owner too: the feed never depends on who asks.
				wantStatus(t, tt.path, alice.get(tt.path), tt.want)
			})
		}
	})
}

func TestWebRSSLinkTags(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		env.createBoard(alice, "alice", "Recipes", false)
		env.createBoard(alice, "alice", "Surprise", true)
		const link = `<link rel="alternate" type="application/rss+xml"`
		wantBody(t, "profile page", env.browser().get("/@alice"), link+` title="Alice Example’s pins (RSS)" href="/@alice/feed.rss">`)
		wantBody(t, "board page", env.browser().get("/@alice/recipes"), link+` title="Recipes (RSS)" href="/@alice/recipes/feed.rss">`)
		wantNoBody(t, "secret board page, to its owner", alice.get("/@alice/surprise"), link)
		wantNoBody(t, "home page", alice.get("/"), link)
		doc := parseRSS(t, "board feed", env.browser().get("/@alice/recipes/feed.rss"))
		if doc.Channel.Link != "http://example.test/@alice/recipes" {
			t.Errorf("board feed's channel link %q", doc.Channel.Link)
		}
	})
}
