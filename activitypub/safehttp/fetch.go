package safehttp

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Response is a response whose body has been read completely (and within
// Config.MaxResponseBytes).
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// URL is the URL the body came from, after redirects. Callers resolve
	// relative links against it and compare it with ActivityPub ids.
	URL *url.URL
}

// Get fetches rawURL, sending accept as the Accept header unless it is "".
// Like Do, it returns non-2xx responses without error.
func (c *Client) Get(ctx context.Context, rawURL, accept string) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("safehttp: get: %w", err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := c.readAll(req)
	if err != nil {
		return nil, fmt.Errorf("safehttp: get: %w", err)
	}
	return resp, nil
}

// Do sends req and reads the whole body, failing with ErrTooLarge if it is
// longer than Config.MaxResponseBytes. Any status code is returned as a
// Response; deciding what a 404 or 410 means is up to the caller.
func (c *Client) Do(req *http.Request) (*Response, error) {
	resp, err := c.readAll(req)
	if err != nil {
		return nil, fmt.Errorf("safehttp: do: %w", err)
	}
	return resp, nil
}

// Open sends req with ctx as its context and returns the response for
// streaming (e.g. an image on its way into the media pipeline). Reading the
// body fails with ErrTooLarge once it exceeds Config.MaxResponseBytes, and a
// declared Content-Length above the cap fails at once, before any of the
// body is read. The caller must close the body.
func (c *Client) Open(ctx context.Context, req *http.Request) (*http.Response, error) {
	resp, err := c.send(req.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("safehttp: open: %w", err)
	}
	return resp, nil
}

// send is Open without the operation name, shared with readAll.
func (c *Client) send(req *http.Request) (*http.Response, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	// Refuse a declared oversize body before reading any of it; the
	// limited body below catches bodies that lie or declare nothing
	// (chunked, or decompressed by the transport).
	if resp.ContentLength > c.maxBytes {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %w (Content-Length %d, limit %d bytes)",
			resp.Request.URL.Redacted(), ErrTooLarge, resp.ContentLength, c.maxBytes)
	}
	resp.Body = newLimitedBody(resp.Body, c.maxBytes)
	return resp, nil
}

// readAll sends req and reads the whole (capped) body.
func (c *Client) readAll(req *http.Request) (*Response, error) {
	resp, err := c.send(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read body of %s: %w", resp.Request.URL.Redacted(), err)
	}
	return &Response{
		StatusCode: resp.StatusCode,
		Header:     resp.Header,
		Body:       body,
		URL:        resp.Request.URL,
	}, nil
}
