package safehttp

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"testing"
)

// fetchers are the ways code reaches the network through a Client; every
// one of them must be guarded.
var fetchers = []struct {
	name  string
	fetch func(ctx context.Context, c *Client, url string) error
}{
	{"Get", func(ctx context.Context, c *Client, url string) error {
		_, err := c.Get(ctx, url, "")
		return err
	}},
	{"Do", func(ctx context.Context, c *Client, url string) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		_, err = c.Do(req)
		return err
	}},
	{"Open", func(ctx context.Context, c *Client, url string) error {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Open(ctx, req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}},
	{"HTTPClient", func(ctx context.Context, c *Client, url string) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := c.HTTPClient().Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}},
}

func TestLoopbackPolicy(t *testing.T) {
	srv := startServer(t, "", okHandler("hello"))
	tests := []struct {
		name          string
		allow         string
		wantForbidden bool
	}{
		{name: "refused by default", wantForbidden: true},
		{name: "refused when another range is allowed", allow: "10.0.0.0/8", wantForbidden: true},
		{name: "allowed with 127.0.0.0/8", allow: "127.0.0.0/8"},
		{name: "allowed with single host", allow: "127.0.0.1"},
		{name: "allowed with mapped prefix", allow: "::ffff:127.0.0.0/104"},
	}
	for _, tt := range tests {
		for _, f := range fetchers {
			t.Run(tt.name+"/"+f.name, func(t *testing.T) {
				c := New(Config{AllowPrivate: prefixes(t, tt.allow)})
				before := srv.conns.Load()
				err := f.fetch(t.Context(), c, srv.URL)
				if !tt.wantForbidden {
					if err != nil {
						t.Fatalf("fetch: %v", err)
					}
					return
				}
				if !errors.Is(err, ErrForbiddenAddress) {
					t.Fatalf("fetch error = %v, want ErrForbiddenAddress", err)
				}
				var ae *AddressError
				if !errors.As(err, &ae) || ae.Addr != netip.MustParseAddr("127.0.0.1") {
					t.Errorf("error does not name 127.0.0.1: %v", err)
				}
				if n := srv.conns.Load() - before; n != 0 {
					t.Errorf("server accepted %d connections, want 0", n)
				}
			})
		}
	}
}

func TestRedirectToRefusedAddress(t *testing.T) {
	origin := startServer(t, "127.0.0.1:0", redirector())
	target4 := startServer(t, "127.0.0.2:0", okHandler("inside"))
	target6 := startServer(t, "[::1]:0", okHandler("inside"))

	tests := []struct {
		name          string
		target        *testServer
		targetHost    string
		allow         string
		wantForbidden bool
	}{
		{name: "to 127.0.0.2 refused", target: target4, targetHost: "127.0.0.2", allow: "127.0.0.1/32", wantForbidden: true},
		{name: "to 127.0.0.2 allowed by /8", target: target4, targetHost: "127.0.0.2", allow: "127.0.0.0/8"},
		{name: "to ::1 refused", target: target6, targetHost: "[::1]", allow: "127.0.0.1/32", wantForbidden: true},
		{name: "to ::1 allowed", target: target6, targetHost: "[::1]", allow: "127.0.0.1/32, ::1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.target == nil {
				t.Skipf("cannot listen on %s", tt.targetHost)
			}
			c := New(Config{AllowPrivate: prefixes(t, tt.allow)})
			to := "http://" + tt.targetHost + ":" + tt.target.port() + "/"
			before := tt.target.conns.Load()

			resp, err := c.Get(t.Context(), origin.URL+"/?to="+to, "")
			if !tt.wantForbidden {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if string(resp.Body) != "inside" || resp.URL.String() != to {
					t.Fatalf("got body %q from %s, want %q from %s", resp.Body, resp.URL, "inside", to)
				}
				return
			}
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("Get error = %v, want ErrForbiddenAddress", err)
			}
			if n := tt.target.conns.Load() - before; n != 0 {
				t.Errorf("refused target accepted %d connections, want 0", n)
			}
		})
	}
}

// TestResolvedPrivateAddresses points made-up host names at private
// addresses. The refusal happens in the dialer's Control callback, which
// runs before connect(2): getting an *AddressError for 10.0.0.1 (rather
// than a timeout or "network unreachable") shows that no packet was sent.
func TestResolvedPrivateAddresses(t *testing.T) {
	srv := startServer(t, "", okHandler("hello"))
	addrs := func(s ...string) []netip.Addr {
		out := make([]netip.Addr, len(s))
		for i, a := range s {
			out[i] = netip.MustParseAddr(a)
		}
		return out
	}
	resolver := fakeResolver{
		"private.test":     addrs("10.0.0.1"),
		"loopback.test":    addrs("127.0.0.1"),
		"mapped.test":      addrs("::ffff:127.0.0.1"),
		"ula.test":         addrs("fd12:3456::1"),
		"metadata.test":    addrs("169.254.169.254"),
		"private-lo.test":  addrs("10.0.0.1", "127.0.0.1"),
		"empty.test":       addrs(),
		"nat64-local.test": addrs("64:ff9b::7f00:1"),
	}
	tests := []struct {
		name          string
		host          string
		allow         string
		wantAddr      string // the refused address; "" if not refused
		wantErr       bool   // a non-policy error is expected
		wantConnected bool
	}{
		{name: "private", host: "private.test", wantAddr: "10.0.0.1"},
		{name: "loopback", host: "loopback.test", wantAddr: "127.0.0.1"},
		// Go dials IPv4-mapped addresses over IPv4, and the check sees
		// the address actually connected to.
		{name: "mapped loopback", host: "mapped.test", wantAddr: "127.0.0.1"},
		{name: "unique local", host: "ula.test", wantAddr: "fd12:3456::1"},
		{name: "cloud metadata", host: "metadata.test", wantAddr: "169.254.169.254"},
		{name: "NAT64 of loopback", host: "nat64-local.test", wantAddr: "64:ff9b::7f00:1"},
		{name: "all addresses refused", host: "private-lo.test", wantAddr: "10.0.0.1"},
		{name: "allowed loopback", host: "loopback.test", allow: "127.0.0.0/8", wantConnected: true},
		{name: "refused address skipped", host: "private-lo.test", allow: "127.0.0.0/8", wantConnected: true},
		{name: "unknown host", host: "nowhere.test", wantErr: true},
		{name: "no addresses", host: "empty.test", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Config{AllowPrivate: prefixes(t, tt.allow), Resolver: resolver})
			before := srv.conns.Load()
			_, err := c.Get(t.Context(), "http://"+tt.host+":"+srv.port()+"/", "")

			connected := srv.conns.Load() - before
			if tt.wantConnected != (connected > 0) {
				t.Errorf("server accepted %d connections, want connected %v", connected, tt.wantConnected)
			}
			switch {
			case tt.wantAddr != "":
				var ae *AddressError
				if !errors.Is(err, ErrForbiddenAddress) || !errors.As(err, &ae) {
					t.Fatalf("Get error = %v, want ErrForbiddenAddress", err)
				}
				if ae.Addr != netip.MustParseAddr(tt.wantAddr) {
					t.Errorf("refused address = %s, want %s", ae.Addr, tt.wantAddr)
				}
			case tt.wantErr:
				if err == nil || errors.Is(err, ErrForbiddenAddress) {
					t.Fatalf("Get error = %v, want a lookup error", err)
				}
			default:
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
			}
		})
	}
}

// TestProxyEnvironmentIgnored makes sure HTTP_PROXY cannot route requests
// around the dialer's check. A made-up host name is used because the
// standard proxy function never proxies loopback addresses anyway.
func TestProxyEnvironmentIgnored(t *testing.T) {
	srv := startServer(t, "", okHandler("direct"))
	proxy := startServer(t, "", okHandler("proxied"))
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)

	c := New(Config{
		AllowPrivate: prefixes(t, loopback),
		Resolver:     fakeResolver{"site.test": {netip.MustParseAddr("127.0.0.1")}},
	})
	resp, err := c.Get(t.Context(), "http://site.test:"+srv.port()+"/", "")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "direct" || proxy.conns.Load() != 0 {
		t.Fatalf("got %q with %d proxy connections, want a direct request", resp.Body, proxy.conns.Load())
	}
}
