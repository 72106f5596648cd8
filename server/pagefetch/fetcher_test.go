package pagefetch

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
)

var (
	loopback  = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	only127_1 = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
)

// server serves fixed responses by path on 127.0.0.1.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, body)
		}
	}
	mux.Handle("/og", html(`<head><meta property="og:title" content="OG title">
		<meta property="og:description" content="OG desc"><meta property="og:image" content="/i/og.jpg"></head>`))
	mux.Handle("/twitter", html(`<meta name="twitter:image" content="tw.png">`))
	mux.Handle("/title", html(`<title>Just a title</title><img src="a.jpg">`))
	mux.Handle("/imgs", html(`<img src="s.jpg" width="10" height="10"><img src="l.jpg" width="50" height="40">`))
	mux.Handle("/base", html(`<base href="/static/"><meta property="og:image" content="b.jpg">`))
	mux.Handle("/deep/page", html(`<meta property="og:image" content="rel.jpg">`))
	mux.Handle("/redirect", http.RedirectHandler("/deep/page", http.StatusFound))
	mux.Handle("/huge", html(strings.Repeat("x", MaxPageBytes+1)))
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		io.WriteString(w, "<title>Caf\xe9</title>")
	})
	mux.HandleFunc("/json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		io.WriteString(w, "\x89PNG fake bytes")
	})
	mux.HandleFunc("/elsewhere", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestFetchPage(t *testing.T) {
	s := server(t)
	// A port where nothing listens, to fail the connection.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())

	tests := []struct {
		name    string
		url     string
		allow   []netip.Prefix
		want    corkboard.PageInfo // URL defaults to the requested one
		code    string
		msg     string
		errorIs error
	}{
		{name: "open graph", url: "/og", want: corkboard.PageInfo{Title: "OG title", Description: "OG desc", ImageURL: s.URL + "/i/og.jpg"}},
		{name: "twitter image", url: "/twitter", want: corkboard.PageInfo{ImageURL: s.URL + "/tw.png"}},
		{name: "title fallback", url: "/title", want: corkboard.PageInfo{Title: "Just a title", ImageURL: s.URL + "/a.jpg"}},
		{name: "largest img", url: "/imgs", want: corkboard.PageInfo{ImageURL: s.URL + "/l.jpg"}},
		{name: "base href", url: "/base", want: corkboard.PageInfo{ImageURL: s.URL + "/static/b.jpg"}},
		{name: "redirect resolves against final URL", url: "/redirect",
			want: corkboard.PageInfo{URL: s.URL + "/deep/page", ImageURL: s.URL + "/deep/rel.jpg"}},
		{name: "legacy charset", url: "/latin1", want: corkboard.PageInfo{Title: "Café"}},
		{name: "not html", url: "/json", code: corkboard.EINVALID, msg: "that address is not a web page"},
		{name: "not found", url: "/missing", code: corkboard.EINVALID, msg: "the page answered 404 Not Found"},
		{name: "too large", url: "/huge", code: corkboard.EINVALID, msg: "the file is too large", errorIs: safehttp.ErrTooLarge},
		{name: "loopback not allowed", url: "/og", allow: []netip.Prefix{},
			code: corkboard.EFORBIDDEN, msg: "that address is on a private network and cannot be fetched", errorIs: safehttp.ErrForbiddenAddress},
		{name: "redirect to a forbidden address", url: "/elsewhere?to=http://127.0.0.2:" + port + "/og", allow: only127_1,
			code: corkboard.EFORBIDDEN, errorIs: safehttp.ErrForbiddenAddress},
		{name: "unreachable", url: closed, code: corkboard.EINVALID, msg: "could not reach 127.0.0.1"},
		{name: "not http", url: "ftp://127.0.0.1/x", code: corkboard.EINVALID, msg: "only http and https addresses can be fetched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			allow := loopback
			if tt.allow != nil {
				allow = tt.allow
			}
			f := New(Config{AllowPrivate: allow, Version: "test"})
			u := tt.url
			if strings.HasPrefix(u, "/") {
				u = s.URL + u
			}
			info, err := f.FetchPage(context.Background(), u)
			if tt.code != "" {
				checkErr(t, err, tt.code, tt.msg, tt.errorIs)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.URL == "" {
				tt.want.URL = u
			}
			if *info != tt.want {
				t.Errorf("got  %+v\nwant %+v", *info, tt.want)
			}
		})
	}
}

func TestFetchImage(t *testing.T) {
	s := server(t)
	f := New(Config{AllowPrivate: loopback})
	body, err := f.FetchImage(context.Background(), s.URL+"/image.png")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(body)
	body.Close()
	if err != nil || string(b) != "\x89PNG fake bytes" {
		t.Errorf("got %q, %v", b, err)
	}

	_, err = f.FetchImage(context.Background(), s.URL+"/og")
	checkErr(t, err, corkboard.EINVALID, "that address is a web page, not an image; use the page URL option", nil)
	_, err = f.FetchImage(context.Background(), s.URL+"/missing.png")
	checkErr(t, err, corkboard.EINVALID, "the image address answered 404 Not Found", nil)
	_, err = New(Config{}).FetchImage(context.Background(), s.URL+"/image.png")
	checkErr(t, err, corkboard.EFORBIDDEN, "", safehttp.ErrForbiddenAddress)
}

func checkErr(t *testing.T, err error, code, msg string, is error) {
	t.Helper()
	switch {
	case err == nil:
		t.Fatalf("no error, want %s", code)
	case corkboard.ErrorCode(err) != code:
		t.Errorf("code %q, want %q (%v)", corkboard.ErrorCode(err), code, err)
	case msg != "" && corkboard.ErrorMessage(err) != msg:
		t.Errorf("message %q, want %q", corkboard.ErrorMessage(err), msg)
	case is != nil && !errors.Is(err, is):
		t.Errorf("error %v is not %v", err, is)
	}
}

func TestUserAgent(t *testing.T) {
	if got, want := userAgent("1.2", "https://pins.example"), "Corkboard/1.2 (+https://pins.example)"; got != want {
		t.Errorf("userAgent = %q, want %q", got, want)
	}
}
