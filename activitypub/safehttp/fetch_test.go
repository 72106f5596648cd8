package safehttp

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestResponseSizeCap(t *testing.T) {
	const limit = 100
	// The handler serves ?n= bytes, declared with Content-Length, chunked
	// (no length), or gzip-compressed so that only the decoded size is
	// over the cap.
	srv := startServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		body := bytes.Repeat([]byte("x"), n)
		switch r.URL.Query().Get("mode") {
		case "length":
			w.Header().Set("Content-Length", strconv.Itoa(n))
			w.Write(body)
		case "chunked":
			w.(http.Flusher).Flush() // headers go out without a length
			w.Write(body)
		case "gzip":
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(body)
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
			w.Write(buf.Bytes())
		}
	}))
	c := New(Config{AllowPrivate: prefixes(t, loopback), MaxResponseBytes: limit})

	tests := []struct {
		name        string
		mode        string
		n           int
		wantTooBig  bool
		wantAtStart bool // Open itself fails, before any body is read
	}{
		{name: "length at limit", mode: "length", n: limit},
		{name: "length over limit", mode: "length", n: limit + 1, wantTooBig: true, wantAtStart: true},
		{name: "empty", mode: "length", n: 0},
		{name: "chunked at limit", mode: "chunked", n: limit},
		{name: "chunked one over", mode: "chunked", n: limit + 1, wantTooBig: true},
		{name: "chunked far over", mode: "chunked", n: 1 << 20, wantTooBig: true},
		{name: "gzip at limit", mode: "gzip", n: limit},
		{name: "gzip expands over limit", mode: "gzip", n: 1 << 20, wantTooBig: true},
	}
	for _, tt := range tests {
		url := srv.URL + "/?mode=" + tt.mode + "&n=" + strconv.Itoa(tt.n)

		t.Run(tt.name+"/Get", func(t *testing.T) {
			resp, err := c.Get(t.Context(), url, "")
			if tt.wantTooBig {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("Get error = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if len(resp.Body) != tt.n {
				t.Errorf("body is %d bytes, want %d", len(resp.Body), tt.n)
			}
		})

		t.Run(tt.name+"/Open", func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, url, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Open(t.Context(), req)
			if tt.wantAtStart {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("Open error = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if tt.wantTooBig {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("read error = %v, want ErrTooLarge", err)
				}
				if len(body) > limit {
					t.Errorf("read %d bytes, more than the %d-byte limit", len(body), limit)
				}
				return
			}
			if err != nil || len(body) != tt.n {
				t.Fatalf("read %d bytes, %v; want %d bytes", len(body), err, tt.n)
			}
		})
	}
}

func TestRedirectLimit(t *testing.T) {
	// /N redirects to /N-1; /0 answers.
	srv := startServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if n > 0 {
			http.Redirect(w, r, "/"+strconv.Itoa(n-1), http.StatusFound)
			return
		}
		w.Write([]byte("done"))
	}))
	tests := []struct {
		name         string
		maxRedirects int
		hops         int
		wantErr      error
		wantStatus   int
	}{
		{name: "no redirect", maxRedirects: 2, hops: 0, wantStatus: http.StatusOK},
		{name: "at limit", maxRedirects: 2, hops: 2, wantStatus: http.StatusOK},
		{name: "over limit", maxRedirects: 2, hops: 3, wantErr: ErrTooManyRedirects},
		{name: "default at limit", hops: DefaultMaxRedirects, wantStatus: http.StatusOK},
		{name: "default over limit", hops: DefaultMaxRedirects + 1, wantErr: ErrTooManyRedirects},
		{name: "disabled returns the 3xx", maxRedirects: -1, hops: 1, wantStatus: http.StatusFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Config{AllowPrivate: prefixes(t, loopback), MaxRedirects: tt.maxRedirects})
			resp, err := c.Get(t.Context(), srv.URL+"/"+strconv.Itoa(tt.hops), "")
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Get error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
		})
	}
}

func TestUnsupportedURLs(t *testing.T) {
	target := startServer(t, "", okHandler("hello"))
	origin := startServer(t, "", redirector())
	hostPort := target.Listener.Addr().String()

	tests := []struct {
		name string
		url  string
	}{
		{name: "ftp", url: "ftp://" + hostPort + "/"},
		{name: "file", url: "file:///etc/passwd"},
		{name: "gopher", url: "gopher://" + hostPort + "/_GET"},
		{name: "javascript", url: "javascript:alert(1)"},
		{name: "no host", url: "http:///path"},
		{name: "userinfo", url: "http://user:pass@" + hostPort + "/"},
		{name: "user only", url: "http://user@" + hostPort + "/"},
		{name: "redirect to ftp", url: origin.URL + "/?to=ftp://" + hostPort + "/"},
		{name: "redirect to file", url: origin.URL + "/?to=file:///etc/passwd"},
		{name: "redirect to userinfo", url: origin.URL + "/?to=http://user:pass@" + hostPort + "/"},
	}
	for _, tt := range tests {
		for _, f := range fetchers {
			t.Run(tt.name+"/"+f.name, func(t *testing.T) {
				c := New(Config{AllowPrivate: prefixes(t, loopback)})
				before := target.conns.Load()
				err := f.fetch(t.Context(), c, tt.url)
				if !errors.Is(err, ErrUnsupportedURL) {
					t.Fatalf("fetch(%s) error = %v, want ErrUnsupportedURL", tt.url, err)
				}
				if n := target.conns.Load() - before; n != 0 {
					t.Errorf("target accepted %d connections, want 0", n)
				}
			})
		}
	}
}

func TestTimeout(t *testing.T) {
	// The handler stalls until the client gives up; the 10s cap only
	// keeps a broken test from hanging.
	stall := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
	srv := startServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			// Headers arrive in time; the body never does.
			w.Header().Set("Content-Length", "10")
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
		stall(w, r)
	}))
	tests := []struct {
		name       string
		path       string
		timeout    time.Duration // Config.Timeout
		ctxTimeout time.Duration // 0: no deadline on the context
	}{
		{name: "config timeout before headers", path: "/", timeout: 200 * time.Millisecond},
		{name: "config timeout covers the body", path: "/body", timeout: 200 * time.Millisecond},
		{name: "context deadline", path: "/", timeout: time.Minute, ctxTimeout: 200 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Config{AllowPrivate: prefixes(t, loopback), Timeout: tt.timeout})
			ctx := t.Context()
			if tt.ctxTimeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.ctxTimeout)
				defer cancel()
			}
			start := time.Now()
			_, err := c.Get(ctx, srv.URL+tt.path, "")
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				t.Fatalf("Get error = %v, want a timeout", err)
			}
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("Get took %v, want about 200ms", elapsed)
			}
		})
	}
}

func TestRequestHeaders(t *testing.T) {
	srv := startServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(r.UserAgent() + "|" + r.Header.Get("Accept")))
	}))
	const activity = `application/activity+json`
	tests := []struct {
		name      string
		userAgent string // Config.UserAgent
		reqUA     string // set on the request itself
		accept    string
		want      string
	}{
		{name: "defaults", want: DefaultUserAgent + "|"},
		{name: "configured agent and accept", userAgent: "Corkboard/1.0 (+https://corkboard.test/)", accept: activity,
			want: "Corkboard/1.0 (+https://corkboard.test/)|" + activity},
		{name: "request agent wins", userAgent: "configured", reqUA: "per-request", want: "per-request|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Config{AllowPrivate: prefixes(t, loopback), UserAgent: tt.userAgent})
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.reqUA != "" {
				req.Header.Set("User-Agent", tt.reqUA)
			}
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != tt.want {
				t.Errorf("server saw %q, want %q", resp.Body, tt.want)
			}
			if req.Header.Get("User-Agent") != tt.reqUA {
				t.Errorf("caller's request was modified: User-Agent %q", req.Header.Get("User-Agent"))
			}
		})
	}
}

func TestGetSendsAccept(t *testing.T) {
	srv := startServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(r.Header.Get("Accept")))
	}))
	c := New(Config{AllowPrivate: prefixes(t, loopback)})
	resp, err := c.Get(t.Context(), srv.URL, "image/*")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "image/*" || resp.StatusCode != http.StatusOK {
		t.Errorf("got %d %q, want 200 %q", resp.StatusCode, resp.Body, "image/*")
	}
}
