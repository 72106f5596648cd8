// Package servertest starts several complete Corkboard instances in one
// test process: each with its own host, database, media store, job queue
// and clock, serving real HTTP on its own loopback address, so federation
// between them uses real sockets and real signatures.
package servertest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// Network is a set of instances that can reach each other.
type Network struct {
	t         testing.TB
	mu        sync.Mutex
	instances []*Instance
}

// Instance is one running Corkboard.
type Instance struct {
	Name   string
	URL    string // base URL, http://127.0.0.N:port
	Host   string // host:port, as in handles
	Server *server.Server
	Clock  *Clock
	Logs   *strings.Builder
	http   *httptest.Server
}

// Options tune one instance; zero values are the defaults.
type Options struct {
	Kind   string // "sqlite" (default) or "postgres"
	Modify func(*server.Config)
}

// NewNetwork returns an empty network; instances stop when the test ends.
func NewNetwork(t testing.TB) *Network { return &Network{t: t} }

// Add starts an instance on its own loopback address (127.0.0.2,
// 127.0.0.3, ... so that each has a distinct host, as domain blocks need),
// allowed to reach the other instances.
func (n *Network) Add(name string, opts Options) *Instance {
	n.t.Helper()
	n.mu.Lock()
	ip := fmt.Sprintf("127.0.0.%d", len(n.instances)+2)
	n.mu.Unlock()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		n.t.Fatalf("servertest: listen on %s: %v", ip, err)
	}
	in := &Instance{Name: name, Host: ln.Addr().String(), Clock: NewClock(), Logs: &strings.Builder{}}
	in.URL = "http://" + in.Host
	in.Server = n.newServer(in, ln, opts)
	n.mu.Lock()
	n.instances = append(n.instances, in)
	n.mu.Unlock()
	return in
}

func (n *Network) newServer(in *Instance, ln net.Listener, opts Options) *server.Server {
	kind := opts.Kind
	if kind == "" {
		kind = "sqlite"
	}
	sc := storagetest.Config(n.t, kind)
	cfg := server.Defaults()
	cfg.BaseURL, cfg.Listen, cfg.DataDir, cfg.DatabaseURL = in.URL, in.Host, sc.DataDir, sc.URL
	cfg.AllowPrivateAddresses = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	cfg.BcryptCost, cfg.Now, cfg.Version = 4, in.Clock.Now, "test"
	cfg.RateLimitScale = 100
	cfg.SetupNotice = func(string) {}
	cfg.Logger = slog.New(slog.NewTextHandler(&lockedWriter{w: in.Logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if opts.Modify != nil {
		opts.Modify(&cfg)
	}
	srv, err := server.New(context.Background(), cfg)
	if err != nil {
		n.t.Fatalf("servertest: start %s: %v", in.Name, err)
	}
	in.http = httptest.NewUnstartedServer(srv.Handler())
	in.http.Listener = ln
	in.http.Start()
	n.t.Cleanup(func() {
		in.http.Close()
		_ = srv.Close()
		if n.t.Failed() {
			n.t.Logf("--- log of %s (%s) ---\n%s", in.Name, in.Host, in.Logs.String())
		}
	})
	return srv
}

// Service returns the instance's use cases.
func (in *Instance) Service() *corkboard.Service { return in.Server.Service() }

// CreateUser makes an approved local account.
func (in *Instance) CreateUser(t testing.TB, username string) *corkboard.Account {
	t.Helper()
	a, err := in.Service().CreateAccount(context.Background(), corkboard.NewAccount{
		Username: username, Password: "password-" + username, Approved: true})
	if err != nil {
		t.Fatalf("%s: create user %s: %v", in.Name, username, err)
	}
	return a
}

// Handle returns @user@host for one of the instance's accounts.
func (in *Instance) Handle(username string) string { return "@" + username + "@" + in.Host }

// Eventually polls cond until it holds or the timeout passes; deliveries
// are asynchronous (job workers), so scenarios wait for their effects.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// lockedWriter serialises log writes from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
