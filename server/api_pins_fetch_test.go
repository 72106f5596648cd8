package server_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// Acceptance 2: a pin from a web page takes the page's og:image and
// title, but only from addresses the operator allowed. Loopback is
// refused by default, and a redirect out of the allowed range is refused
// at connection time, before any request reaches the other address.
func TestAPIPinFromPage(t *testing.T) {
	site := newRecipeSite(t, "127.0.0.1")
	elsewhere := newRecipeSite(t, "127.0.0.2") // Linux routes all of 127/8 to lo
	site.redirectTo = elsewhere.URL + "/tart"
	loopback, onlyHost := netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")
	tests := []struct {
		name     string
		allow    []netip.Prefix
		form     url.Values
		want     int
		message  string   // for refusals
		wantHits [2]int64 // requests that reached 127.0.0.1 and 127.0.0.2
	}{
		{"page on an allowed address", []netip.Prefix{loopback}, url.Values{"page_url": {site.URL + "/tart"}}, http.StatusOK, "", [2]int64{2, 0}},
		{"image on an allowed address", []netip.Prefix{loopback}, url.Values{"image_url": {site.URL + "/tart.png"}}, http.StatusOK, "", [2]int64{1, 0}},
		{"loopback without the allowance", nil, url.Values{"page_url": {site.URL + "/tart"}}, http.StatusForbidden, "private network", [2]int64{0, 0}},
		{"redirect out of the allowance", []netip.Prefix{onlyHost}, url.Values{"page_url": {site.URL + "/go"}}, http.StatusForbidden, "private network", [2]int64{1, 0}},
	}
	for _, kind := range storagetest.Kinds(t) {
		for _, tt := range tests {
			t.Run(kind+"/"+tt.name, func(t *testing.T) {
				env := newPinsEnv(t, kind, func(c *server.Config) { c.AllowPrivateAddresses = tt.allow })
				tok := env.token(env.admin, "")
				form := url.Values{"board_id": {str(t, env.createBoard(tok, "Desserts", false), "id")}}
				for k, v := range tt.form {
					form[k] = v
				}
				before := [2]int64{site.hits.Load(), elsewhere.hits.Load()}
				r := env.call(http.MethodPost, "/api/v1/pins", tok, form)
				wantAPIStatus(t, tt.name, r, tt.want)
				m := r.JSON(t)
				if hits := [2]int64{site.hits.Load() - before[0], elsewhere.hits.Load() - before[1]}; hits != tt.wantHits {
					t.Errorf("requests to 127.0.0.1 and 127.0.0.2: %v, want %v", hits, tt.wantHits)
				}
				if tt.want != http.StatusOK {
					if msg, _ := m["error"].(string); !strings.Contains(msg, tt.message) {
						t.Errorf("error = %q, want it to mention %q", msg, tt.message)
					}
					if n := env.count("pins"); n != 0 {
						t.Errorf("%d pins stored after a refusal", n)
					}
					return
				}
				img := m["image"].(map[string]any)
				if img["width"] != float64(120) || img["height"] != float64(80) {
					t.Errorf("image %v×%v, want the og:image's 120×80", img["width"], img["height"])
				}
				if tt.form.Has("page_url") && (m["title"] != "Lemon Tart" || m["link"] != site.URL+"/tart") {
					t.Errorf("title %q, link %q; want the page's title and address", m["title"], m["link"])
				}
			})
		}
	}
}

// recipeSite serves a page whose og:image is a PNG it also serves, and
// /go, which redirects to redirectTo.
type recipeSite struct {
	*httptest.Server
	redirectTo string
	hits       atomic.Int64
}

func newRecipeSite(t *testing.T, ip string) *recipeSite {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	site := &recipeSite{}
	png := pngBytes(t, 120, 80)
	site.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.hits.Add(1)
		switch r.URL.Path {
		case "/tart":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html><head><title>Lemon Tart</title>
<meta property="og:image" content="%s/tart.png"></head><body><p>Bake it.</p></body></html>`, site.URL)
		case "/tart.png":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write(png)
		case "/go":
			http.Redirect(w, r, site.redirectTo, http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	site.Listener.Close()
	site.Listener = ln
	site.Start()
	t.Cleanup(site.Close)
	return site
}
