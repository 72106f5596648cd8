// Package pagefetch implements corkboard.Fetcher: it fetches the web pages
// and images that people pin by address, through the SSRF-safe client, and
// reads a page's title, description and main image.
package pagefetch

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"golang.org/x/net/html/charset"
)

const (
	// MaxPageBytes caps a page: the head and the top of the body are all
	// we read, and real pages fit well within it.
	MaxPageBytes = 2 << 20
	// MaxImageBytes is one byte over the media pipeline's 20 MiB upload
	// cap, so that the pipeline, not this client, sees an oversized image
	// and reports it with its exact limit.
	MaxImageBytes = 20<<20 + 1
	Timeout       = 15 * time.Second
	MaxRedirects  = 5

	pageAccept  = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
	imageAccept = "image/avif;q=0,image/webp,image/png,image/jpeg,image/gif,*/*;q=0.1"
)

var errBadURL = corkboard.Errorf(corkboard.EINVALID, "that is not a valid web address")

// Config configures New.
type Config struct {
	// AllowPrivate lists non-public ranges that may be fetched anyway
	// (CORKBOARD_ALLOW_PRIVATE_ADDRESSES).
	AllowPrivate []netip.Prefix
	Version      string // Corkboard's version, for the User-Agent
	BaseURL      string // this instance, so site owners can find who fetched
}

// Fetcher fetches pages and images. It is safe for concurrent use.
type Fetcher struct {
	pages, images *safehttp.Client
}

var _ corkboard.Fetcher = (*Fetcher)(nil)

// New returns a Fetcher with one client for pages and one for images, which
// differ only in their size cap.
func New(cfg Config) *Fetcher {
	client := func(maxBytes int64) *safehttp.Client {
		return safehttp.New(safehttp.Config{
			AllowPrivate:     cfg.AllowPrivate,
			MaxResponseBytes: maxBytes,
			Timeout:          Timeout,
			MaxRedirects:     MaxRedirects,
			UserAgent:        userAgent(cfg.Version, cfg.BaseURL),
		})
	}
	return NewWithClients(client(MaxPageBytes), client(MaxImageBytes))
}

// NewWithClients returns a Fetcher using the given clients, for callers
// that need other limits.
func NewWithClients(pages, images *safehttp.Client) *Fetcher {
	return &Fetcher{pages: pages, images: images}
}

func userAgent(version, baseURL string) string {
	if version == "" {
		version = "dev"
	}
	ua := "Corkboard/" + version
	if baseURL != "" {
		ua += " (+" + baseURL + ")"
	}
	return ua
}

// FetchPage fetches an HTML page and reads what it says about itself.
func (f *Fetcher) FetchPage(ctx context.Context, rawURL string) (*corkboard.PageInfo, error) {
	if _, err := url.Parse(rawURL); err != nil {
		return nil, errBadURL
	}
	resp, err := f.pages.Get(ctx, rawURL, pageAccept)
	if err != nil {
		return nil, fetchError(rawURL, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, corkboard.Errorf(corkboard.EINVALID, "the page answered %s", statusText(resp.StatusCode))
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(resp.Body)
	}
	if !isHTML(ct) {
		return nil, corkboard.Errorf(corkboard.EINVALID, "that address is not a web page")
	}
	// Decode to UTF-8 using the header's charset, a <meta charset> or a
	// guess, so that titles of pages in legacy encodings read correctly.
	r, err := charset.NewReader(bytes.NewReader(resp.Body), ct)
	if err != nil {
		r = bytes.NewReader(resp.Body) // unknown charset: UTF-8 is the best guess
	}
	info := extractPage(resp.URL, r)
	return &info, nil
}

// FetchImage opens an image for streaming into the media pipeline, which
// sniffs the bytes and enforces its own limits. The caller closes the body.
func (f *Fetcher) FetchImage(ctx context.Context, rawURL string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, errBadURL
	}
	req.Header.Set("Accept", imageAccept)
	resp, err := f.images.Open(ctx, req)
	if err != nil {
		return nil, fetchError(rawURL, err)
	}
	switch {
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		resp.Body.Close()
		return nil, statusError("the image address answered %s", resp.StatusCode)
	case isHTML(resp.Header.Get("Content-Type")):
		// A common mistake worth a specific answer; other types are left
		// to the pipeline, since servers often mislabel images.
		resp.Body.Close()
		return nil, corkboard.Errorf(corkboard.EINVALID, "that address is a web page, not an image; use the page URL option")
	}
	return &mappedBody{ReadCloser: resp.Body, url: rawURL}, nil
}

func isHTML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}
