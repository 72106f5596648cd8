package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corkboard/corkboard"
	"github.com/gorilla/feeds"
	"github.com/labstack/echo/v4"
)

// feedSize is how many pins an RSS feed carries, newest first.
const feedSize = 25

// profileFeed is /@alice/feed.rss: a person's newest pins on public boards.
// Secret pins are left out by the listing itself (no viewer), so the feed
// is the same for everyone and may be cached by anyone.
func (w *Web) profileFeed(c echo.Context) error {
	ctx, name := c.Request().Context(), c.Param("username")
	if w.Service.IsRemoteName(name) {
		return corkboard.Errorf(corkboard.ENOTFOUND, "no feed for people on other servers")
	}
	a, err := w.Service.PublicProfile(ctx, localName(name))
	if err != nil {
		return err
	}
	page, err := w.Service.AccountPins(ctx, nil, a.ID, 0, feedSize)
	if err != nil {
		return err
	}
	feed := &feeds.Feed{
		Title:       a.Name() + " (@" + a.Username + ")",
		Link:        &feeds.Link{Href: w.BaseURL + profileURL(a)},
		Description: "The newest pins of " + a.Name() + " on " + w.host(),
	}
	return w.writeFeed(c, feed, page.Pins)
}

// boardFeed is /@alice/recipes/feed.rss: a public board's newest pins. A
// secret board's feed is a 404, as its page is to everyone but its owner.
func (w *Web) boardFeed(c echo.Context) error {
	ctx, name := c.Request().Context(), c.Param("username")
	if w.Service.IsRemoteName(name) {
		return corkboard.Errorf(corkboard.ENOTFOUND, "no feed for boards on other servers")
	}
	b, err := w.Service.Board(ctx, nil, localName(name), c.Param("slug"))
	if err != nil {
		return err
	}
	if !b.Account.Approved || b.Account.Disabled {
		return corkboard.Errorf(corkboard.ENOTFOUND, "board not found")
	}
	page, err := w.Service.BoardPins(ctx, nil, b.ID, 0, feedSize)
	if err != nil {
		return err
	}
	feed := &feeds.Feed{
		Title:       b.Title + " · " + b.Account.Name(),
		Link:        &feeds.Link{Href: w.BaseURL + boardURL(b.Account, b)},
		Description: strings.TrimSpace(b.Description + "\n\nA board of " + b.Account.Name() + " on " + w.host()),
	}
	return w.writeFeed(c, feed, page.Pins)
}

// writeFeed renders the feed as RSS 2.0. The ETag is a hash of the body:
// readers poll, and most of their polls then cost no transfer.
func (w *Web) writeFeed(c echo.Context, feed *feeds.Feed, pins []*corkboard.Pin) error {
	ctx := c.Request().Context()
	for _, p := range pins {
		feed.Add(w.feedItem(ctx, p))
	}
	if len(pins) > 0 {
		feed.Updated = pins[0].CreatedAt
	}
	body, err := feeds.ToXML(&feeds.Rss{Feed: feed})
	if err != nil {
		return fmt.Errorf("render rss: %w", err)
	}
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=300")
	// The tag is quoted hex, so finding it in a list of tags is exact.
	if strings.Contains(c.Request().Header.Get("If-None-Match"), etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, "application/rss+xml; charset=utf-8", []byte(body))
}

// feedItem is one pin: its page, its IRI as a permalink guid (a local
// pin's IRI is its page), a picture and the description as escaped HTML,
// and the 736 px image as the enclosure.
func (w *Web) feedItem(ctx context.Context, p *corkboard.Pin) *feeds.Item {
	page := w.BaseURL + pinURL(p)
	large := p.Image.Variant(736)
	return &feeds.Item{
		Title: feedItemTitle(p), Link: &feeds.Link{Href: page},
		Id: page, IsPermaLink: "true", Created: p.CreatedAt,
		Description: w.feedItemHTML(p, page),
		Enclosure: &feeds.Enclosure{Url: w.BaseURL + mediaURL(large.Key), Type: large.ContentType,
			Length: strconv.FormatInt(w.mediaSize(ctx, large.Key), 10)},
	}
}

// feedItemHTML is the item's description: the 236 px thumbnail linking to
// the pin, then the text. Everything from the pin is escaped.
func (w *Web) feedItemHTML(p *corkboard.Pin, page string) string {
	small := p.Image.Variant(236)
	var b strings.Builder
	b.WriteString(`<p><a href="` + html.EscapeString(page) + `"><img src="` + html.EscapeString(w.BaseURL+mediaURL(small.Key)) +
		`" width="` + strconv.Itoa(small.Width) + `" height="` + strconv.Itoa(small.Height) +
		`" alt="` + html.EscapeString(p.AltText) + `"></a></p>`)
	if p.Description != "" {
		b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(p.Description), "\n", "<br>") + "</p>")
	}
	return b.String()
}

// feedItemTitle is the pin's title, else the start of its description.
func feedItemTitle(p *corkboard.Pin) string {
	t := strings.TrimSpace(p.Title)
	if t == "" {
		t, _, _ = strings.Cut(strings.TrimSpace(p.Description), "\n")
	}
	if utf8.RuneCountInString(t) > 80 {
		t = string([]rune(t)[:79]) + "…"
	}
	if t == "" {
		t = "A pin"
	}
	return t
}

// mediaSize is a stored file's size for an enclosure's length, or 0 when
// it cannot be told (RSS's advice for an unknown length).
func (w *Web) mediaSize(ctx context.Context, key string) int64 {
	if w.MediaSize == nil {
		return 0
	}
	n, err := w.MediaSize(ctx, key)
	if err != nil {
		w.Log.Warn("feed enclosure size", "key", key, "err", err)
		return 0
	}
	return n
}
