package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage/storagetest"
	"golang.org/x/net/html"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The end-to-end tests run the real binary, built once per test run the way
// the Dockerfile builds it, on loopback sockets.
var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// corkboardBinary returns the path of the built binary, building it on
// first use. -short skips the end-to-end tests.
func corkboardBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: builds and runs the binary")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "corkboard-e2e-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "corkboard")
		build := exec.Command("go", "build", "-trimpath", "-ldflags", "-X main.version=e2e", "-o", binPath, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// instance is one installation's settings: where its data lives and the
// loopback address it listens on. The server and the admin CLI share them.
type instance struct {
	URL string   // base URL, http://127.0.0.1:PORT
	Env []string // CORKBOARD_* settings as NAME=value
}

// newInstance returns settings for a fresh installation on kind ("sqlite"
// or "postgres", see storagetest.Kinds): an empty data dir and, on
// PostgreSQL, an empty database of its own.
func newInstance(t testing.TB, kind string) instance {
	t.Helper()
	addr := "127.0.0.1:" + freePort(t)
	in := instance{URL: "http://" + addr, Env: []string{
		"CORKBOARD_LISTEN=" + addr,
		"CORKBOARD_BASE_URL=http://" + addr,
		"CORKBOARD_DATA_DIR=" + t.TempDir(),
	}}
	if kind == "postgres" {
		in.Env = append(in.Env, "CORKBOARD_DATABASE_URL="+newDatabase(t))
	}
	return in
}

// with returns the instance with extra NAME=value settings (later wins).
func (in instance) with(settings ...string) instance {
	in.Env = append(append([]string{}, in.Env...), settings...)
	return in
}

// setting returns the value of a NAME=value setting ("" if unset).
func (in instance) setting(name string) string {
	value := ""
	for _, kv := range in.Env {
		if k, v, _ := strings.Cut(kv, "="); k == name {
			value = v
		}
	}
	return value
}

// freePort picks a port that is free now, for the binary to listen on,
// and never the same one twice in this test process.
func freePort(t testing.TB) string {
	t.Helper()
	portsMu.Lock()
	defer portsMu.Unlock()
	for {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if !portsGiven[port] {
			portsGiven[port] = true
			return strconv.Itoa(port)
		}
	}
}

var (
	portsMu    sync.Mutex
	portsGiven = map[int]bool{}
)

// newDatabase creates an empty database on the server named by
// CORKBOARD_TEST_DATABASE_URL, dropped when the test ends, and returns its URL.
func newDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv(storagetest.EnvURL)
	if base == "" {
		t.Fatalf("%s is not set", storagetest.EnvURL)
	}
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("connect to %s: %v", storagetest.EnvURL, err)
	}
	sqlDB, _ := admin.DB()
	name := "corkboard_e2e_" + randomHex(6)
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").Error; err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
		_ = sqlDB.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// processEnv is this process's environment without any CORKBOARD_*
// variable (a developer's own settings must not leak in), plus settings.
func processEnv(settings []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CORKBOARD_") {
			env = append(env, kv)
		}
	}
	return append(env, settings...)
}

// serverProcess is a running "corkboard serve".
type serverProcess struct {
	URL  string
	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{} // closed when the process has exited
	err  error         // Wait's result, set before done closes
}

// startServer runs "corkboard serve" with the instance's settings and waits
// until GET /healthz answers 200. The process is killed when the test
// ends, if it still runs; its log is printed if the test failed.
func startServer(t testing.TB, in instance) *serverProcess {
	t.Helper()
	p := &serverProcess{URL: in.URL, logs: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(corkboardBinary(t), "serve")
	p.cmd.Env = processEnv(in.Env)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	// A process group of its own, so that cleanup ends anything it started.
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start corkboard serve: %v", err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
		if t.Failed() {
			t.Logf("log of corkboard serve on %s:\n%s", p.URL, p.Logs())
		}
	})
	p.waitHealthy(t, 60*time.Second)
	return p
}

func (p *serverProcess) waitHealthy(t testing.TB, limit time.Duration) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			t.Fatalf("corkboard serve exited before it was healthy (%v):\n%s", p.err, p.Logs())
		default:
		}
		if resp, err := client.Get(p.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("GET %s/healthz did not answer 200 within %v:\n%s", p.URL, limit, p.Logs())
}

// Stop sends SIGTERM and returns the exit code; the process must exit
// within 10 seconds.
func (p *serverProcess) Stop(t testing.TB) int {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("corkboard serve did not exit within 10 s of SIGTERM")
	}
	return exitCode(p.err)
}

// Logs returns what the server printed so far (stdout and stderr).
func (p *serverProcess) Logs() string { return p.logs.String() }

// runCLI runs the binary with args and the instance's settings, fails the
// test unless it exits 0, and returns its standard output.
func runCLI(t testing.TB, in instance, args ...string) string {
	t.Helper()
	stdout, stderr, code := runBinary(t, in, args...)
	if code != 0 {
		t.Fatalf("corkboard %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

// runBinary runs the binary with args and the instance's settings and
// returns what it printed and its exit code.
func runBinary(t testing.TB, in instance, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, corkboardBinary(t), args...)
	cmd.Env = processEnv(in.Env)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil && exitCode(err) < 0 {
		t.Fatalf("corkboard %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errb.String(), exitCode(err)
}

// exitCode is 0 for nil, the process's code for an ExitError, else -1.
func exitCode(err error) int {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	return -1
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// newBrowser returns a client that keeps cookies like a browser but does
// not follow redirects, so tests can check them.
func newBrowser(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{
		Jar:           jar,
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// fetch does req with client and returns the response and its body.
func fetch(t testing.TB, client *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	if _, err := body.ReadFrom(resp.Body); err != nil {
		t.Fatalf("%s %s: read body: %v", req.Method, req.URL, err)
	}
	return resp, body.String()
}

// get is fetch of a GET request.
func get(t testing.TB, client *http.Client, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fetch(t, client, req)
}

// postForm posts form fields as a browser would, from a page of origin.
func postForm(t testing.TB, client *http.Client, origin, url string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", origin)
	return fetch(t, client, req)
}

// hiddenInput returns the value of the hidden input called name in page.
func hiddenInput(t testing.TB, page, name string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.Fatalf("no hidden input %q in page:\n%s", name, page)
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data != "input" {
				continue
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
			if attrs["type"] == "hidden" && attrs["name"] == name {
				return attrs["value"]
			}
		}
	}
}

// syncBuffer is a bytes.Buffer safe for a process writing and a test
// reading at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
