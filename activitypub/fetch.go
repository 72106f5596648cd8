package activitypub

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

const (
	// acceptAS2 asks for ActivityStreams in both spellings servers know.
	acceptAS2 = `application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"`
	// maxDocumentBytes caps a fetched actor or object: real ones are a few
	// KB; a big one is an attack on our memory.
	maxDocumentBytes = 1 << 20
	// fetchTimeout caps one fetch, redirects and body included.
	fetchTimeout = 10 * time.Second
)

// document is a fetched ActivityStreams document.
type document struct {
	Body []byte
	URL  string // where it came from, after redirects (no fragment)
	ID   string
	Type string
}

// fetchDocument GETs an ActivityStreams document, signed by our instance
// actor so that servers requiring authorized fetch answer. It refuses
// what we should not trust: a suspended domain (before any request), a
// body that is not ActivityStreams JSON (an HTML page is not a document,
// whatever it contains), an oversized body, and, when checkID is set, a
// document whose id is not the URL it was served from, after redirects:
// only a server can speak for the objects it hosts.
func (f *Federation) fetchDocument(ctx context.Context, iri string, checkID bool) (*document, error) {
	if err := f.fetchable(ctx, iri); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	resp, err := f.signedGet(ctx, iri)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", iri, classify(err))
	}
	defer resp.Body.Close()
	final := *resp.Request.URL
	final.Fragment, final.RawFragment = "", ""
	if err := checkResponse(resp); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", iri, err)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: read: %w", iri, classify(err))
	}
	if len(body) > maxDocumentBytes {
		return nil, permanent(fmt.Errorf("fetch %s: document over %d bytes", iri, maxDocumentBytes))
	}
	doc := &document{Body: body, URL: final.String()}
	if doc.ID, doc.Type, err = vocab.ScanID(body); err != nil {
		return nil, permanent(fmt.Errorf("fetch %s: %w", iri, err))
	}
	if checkID && doc.ID != doc.URL {
		return nil, permanent(fmt.Errorf("fetch %s: document id %q is not its URL %q", iri, doc.ID, doc.URL))
	}
	return doc, nil
}

// fetchable checks what can be checked before a request: the URL's
// scheme, that it is not ours (we look our own objects up, never fetch
// them), the domain blocks and the activity's fetch budget.
func (f *Federation) fetchable(ctx context.Context, iri string) error {
	u, err := url.Parse(iri)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && f.AllowHTTP)) {
		return permanent(fmt.Errorf("fetch %q: not a fetchable URL", iri))
	}
	if f.isLocal(iri) {
		return permanent(fmt.Errorf("fetch %s: our own object is never fetched", iri))
	}
	if err := f.checkSuspended(ctx, iri); err != nil {
		return err
	}
	return spendFetch(ctx)
}

// signedGet sends a GET signed with the instance actor's key.
func (f *Federation) signedGet(ctx context.Context, iri string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, iri, nil)
	if err != nil {
		return nil, permanent(err)
	}
	req.Header.Set("Accept", acceptAS2)
	signer, err := f.signer(ctx, f.instanceActorIRI())
	if err != nil {
		return nil, err
	}
	if err := signer.Sign(req, nil); err != nil {
		return nil, err
	}
	return f.Client.Open(ctx, req)
}

// checkResponse accepts a 200 with an ActivityStreams content type. A
// 4xx will not change on retry (except 408 and 429); a 5xx may.
func checkResponse(resp *http.Response) error {
	switch c := resp.StatusCode; {
	case c == http.StatusOK:
	case c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500:
		return fmt.Errorf("status %d", c)
	default:
		return permanent(fmt.Errorf("status %d", c))
	}
	if !isActivityJSON(resp.Header.Get("Content-Type")) {
		return permanent(fmt.Errorf("content type %q is not ActivityStreams", resp.Header.Get("Content-Type")))
	}
	return nil
}

// isActivityJSON accepts application/activity+json, and application/ld+json
// with the ActivityStreams profile (a bare ld+json could be any JSON-LD).
func isActivityJSON(contentType string) bool {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch mt {
	case "application/activity+json":
		return true
	case "application/ld+json":
		return strings.Contains(params["profile"], vocab.ActivityStreamsContext)
	}
	return false
}

// classify marks the fetch failures that a retry cannot fix: addresses we
// refuse to reach, URLs we refuse to follow, bodies over the cap.
func classify(err error) error {
	if refusedByPolicy(err) {
		return permanent(err)
	}
	return err
}

func refusedByPolicy(err error) bool {
	return errors.Is(err, safehttp.ErrForbiddenAddress) || errors.Is(err, safehttp.ErrUnsupportedURL) ||
		errors.Is(err, safehttp.ErrTooLarge) || errors.Is(err, safehttp.ErrTooManyRedirects)
}

// unreachable reports whether err is a server that could not be reached
// (refused, reset, timed out, unknown name) or answered that it is down
// or busy (408, 429, 5xx), however the error was worded for people: the
// image fetcher calls it "could not reach" (EINVALID), right for someone
// who typed an address, wrong for a pin whose server is restarting.
func unreachable(err error) bool {
	if refusedByPolicy(err) {
		return false
	}
	var netErr net.Error
	var status *safehttp.StatusError
	return errors.As(err, &netErr) || (errors.As(err, &status) && status.Temporary())
}
