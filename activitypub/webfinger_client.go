package activitypub

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
)

// maxJRDBytes caps a WebFinger answer; real ones are under 2 KB.
const maxJRDBytes = 64 << 10

// webfingerActor asks user@host's server for the IRI of its actor
// (RFC 7033): the "self" link of an ActivityStreams type. https is used
// unless Deps.AllowHTTP (tests, local setups). A suspended host is not
// asked.
func (f *Federation) webfingerActor(ctx context.Context, user, host string) (string, error) {
	scheme := "https"
	if f.AllowHTTP {
		scheme = "http"
	}
	if err := f.checkSuspended(ctx, host); err != nil {
		return "", err
	}
	if err := spendFetch(ctx); err != nil {
		return "", err
	}
	q := url.Values{"resource": {"acct:" + user + "@" + host}}
	target := scheme + "://" + host + "/.well-known/webfinger?" + q.Encode()
	doc, err := f.getJRD(ctx, target)
	if err != nil {
		return "", fmt.Errorf("webfinger %s@%s: %w", user, host, err)
	}
	for _, l := range doc.Links {
		if l.Rel == "self" && (l.Type == "application/activity+json" || isActivityJSON(l.Type)) && l.Href != "" {
			return l.Href, nil
		}
	}
	return "", corkboard.Errorf(corkboard.ENOTFOUND, "%s@%s has no ActivityPub actor", user, host)
}

// getJRD fetches and decodes a WebFinger document.
func (f *Federation) getJRD(ctx context.Context, target string) (*jrd, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, permanent(err)
	}
	req.Header.Set("Accept", "application/jrd+json, application/json")
	resp, err := f.Client.Open(ctx, req)
	if err != nil {
		return nil, classify(err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, corkboard.Errorf(corkboard.ENOTFOUND, "no such account")
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var doc jrd
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxJRDBytes)).Decode(&doc); err != nil {
		return nil, permanent(fmt.Errorf("decode: %w", err))
	}
	return &doc, nil
}
