package safehttp

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"
)

// fakeResolver maps made-up host names to chosen addresses, so tests can
// point a name at a private address without touching real DNS.
type fakeResolver map[string][]netip.Addr

func (r fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	addrs, ok := r[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return addrs, nil
}

// testServer is an httptest.Server that counts accepted connections, so
// tests can assert that a refused destination was never connected to.
type testServer struct {
	*httptest.Server
	conns atomic.Int64
}

// startServer serves h on listenAddr ("" for httptest's default of
// 127.0.0.1). It returns nil if listenAddr cannot be bound (e.g. no IPv6
// loopback), for the caller to skip.
func startServer(t *testing.T, listenAddr string, h http.Handler) *testServer {
	t.Helper()
	s := &testServer{Server: httptest.NewUnstartedServer(h)}
	if listenAddr != "" {
		l, err := net.Listen("tcp", listenAddr)
		if err != nil {
			t.Logf("cannot listen on %s: %v", listenAddr, err)
			return nil
		}
		s.Listener.Close()
		s.Listener = l
	}
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// port returns the server's port, for building URLs with other hosts.
func (s *testServer) port() string {
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	return port
}

func prefixes(t *testing.T, s string) []netip.Prefix {
	t.Helper()
	p, err := ParsePrefixes(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func okHandler(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(body))
	})
}

// redirector redirects every request to its "to" query parameter.
func redirector() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
}

// loopback is the AllowPrivate setting that lets tests reach httptest
// servers.
const loopback = "127.0.0.0/8, ::1"
