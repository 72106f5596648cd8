package safehttp

import (
	"fmt"
	"net/http"
	"time"
)

// Client makes outgoing HTTP requests that cannot reach non-public
// addresses. It is safe for concurrent use and should be shared: it holds
// the connection pool.
type Client struct {
	http     *http.Client
	maxBytes int64
}

// New returns a Client for cfg; zero fields of cfg take their defaults.
func New(cfg Config) *Client {
	cfg = cfg.withDefaults()
	d := newDialer(cfg.Resolver, newAddressPolicy(cfg.AllowPrivate))
	transport := &http.Transport{
		// No proxy, whatever HTTP_PROXY says: through a proxy the dialer
		// would check the proxy's address instead of the destination.
		Proxy:       nil,
		DialContext: d.DialContext,
		// A custom DialContext turns HTTP/2 off unless asked for.
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
	}
	return &Client{
		http: &http.Client{
			Transport:     &guardTransport{base: transport, userAgent: cfg.UserAgent},
			CheckRedirect: checkRedirect(cfg.MaxRedirects),
			Timeout:       cfg.Timeout,
		},
		maxBytes: cfg.MaxResponseBytes,
	}
}

// HTTPClient returns the underlying client for code that needs a plain
// *http.Client (e.g. HTTP signatures). It has the same address policy,
// URL checks, redirect cap, timeout and User-Agent, but no response size
// cap: callers must limit what they read themselves.
func (c *Client) HTTPClient() *http.Client { return c.http }

// checkRedirect caps the redirect chain and refuses redirects to URLs the
// client would not request directly. The destination address needs no check
// here: the new hop's connection goes through the same dialer.
func checkRedirect(limit int) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if limit < 0 {
			return http.ErrUseLastResponse
		}
		// via holds the requests already made, so this is redirect
		// number len(via).
		if len(via) > limit {
			return fmt.Errorf("safehttp: redirect: %w (limit %d)", ErrTooManyRedirects, limit)
		}
		if err := checkURL(req.URL); err != nil {
			return fmt.Errorf("safehttp: redirect: %w", err)
		}
		return nil
	}
}

// guardTransport checks the URL of every request that reaches the
// transport, including ones made through HTTPClient, and supplies the
// User-Agent on requests that lack one.
type guardTransport struct {
	base      http.RoundTripper
	userAgent string
}

func (t *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := checkURL(req.URL); err != nil {
		// A RoundTripper must close the body even when it fails.
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("safehttp: round trip: %w", err)
	}
	if req.Header.Get("User-Agent") == "" {
		// RoundTrippers must not modify the caller's request.
		req = req.Clone(req.Context())
		if req.Header == nil {
			req.Header = make(http.Header)
		}
		req.Header.Set("User-Agent", t.userAgent)
	}
	return t.base.RoundTrip(req)
}
