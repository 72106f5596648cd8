package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
)

// privacyClient visits one instance as a browser and as an API client:
// anonymous, or signed in (a session cookie and a bearer token).
type privacyClient struct {
	t     *testing.T
	in    *servertest.Instance
	who   string
	http  *http.Client
	token string
}

func privacyVisitor(t *testing.T, in *servertest.Instance) *privacyClient {
	jar, _ := cookiejar.New(nil)
	return &privacyClient{t: t, in: in, who: "a visitor on " + in.Name, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// privacySignedIn is a client signed in as a, on the web and the API.
func privacySignedIn(t *testing.T, in *servertest.Instance, a *corkboard.Account) *privacyClient {
	t.Helper()
	c := privacyVisitor(t, in)
	c.who = a.Username + " on " + in.Name
	ctx := context.Background()
	secret, err := in.Service().CreateSession(ctx, a, "privacy test")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(in.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "corkboard_session", Value: secret, Path: "/"}})
	if c.token, err = in.Service().IssueToken(ctx, a, ""); err != nil {
		t.Fatal(err)
	}
	return c
}

// get fetches path (or an absolute URL) with the given Accept header.
func (c *privacyClient) get(path, accept string) (int, string) {
	c.t.Helper()
	if strings.HasPrefix(path, "/") {
		path = c.in.URL + path
	}
	req, _ := http.NewRequest(http.MethodGet, path, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if c.token != "" && strings.Contains(path, "/api/") {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return c.do(req)
}

// postForm sends a page's form with the browser's CSRF token.
func (c *privacyClient) postForm(path string, form url.Values) (int, string) {
	c.t.Helper()
	c.get("/login", "")
	u, _ := url.Parse(c.in.URL)
	for _, k := range c.http.Jar.Cookies(u) {
		if k.Name == "corkboard_csrf" {
			form.Set("_csrf", k.Value)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, c.in.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *privacyClient) do(req *http.Request) (int, string) {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s: %s %s: %v", c.who, req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// collection fetches an ActivityPub collection and every one of its
// pages, and returns them joined.
func (c *privacyClient) collection(iri string) string {
	c.t.Helper()
	const as = "application/activity+json"
	status, body := c.get(iri, as)
	if status != http.StatusOK {
		c.t.Fatalf("%s: GET %s: %d\n%s", c.who, iri, status, body)
	}
	all := []string{body}
	next := pageLink(c.t, body, "first")
	for i := 0; next != "" && i < 50; i++ {
		if status, body = c.get(next, as); status != http.StatusOK {
			c.t.Fatalf("%s: GET %s: %d\n%s", c.who, next, status, body)
		}
		all = append(all, body)
		next = pageLink(c.t, body, "next")
	}
	return strings.Join(all, "\n")
}

// pageLink is a collection's first or next page, given as an IRI or as
// an embedded page; an embedded page's own items are in the body already.
func pageLink(t *testing.T, body, key string) string {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("collection page is not JSON: %v\n%s", err, body)
	}
	var iri string
	if json.Unmarshal(doc[key], &iri) == nil {
		return iri
	}
	var page map[string]json.RawMessage
	if json.Unmarshal(doc[key], &page) == nil {
		if json.Unmarshal(page["next"], &iri) == nil {
			return iri
		}
	}
	return ""
}

// privacyCheck is one surface as one client sees it: it must show live
// (a public pin made for the purpose, proving the surface is the one
// that would show the message) and nothing of the message.
type privacyCheck struct {
	name   string
	client *privacyClient
	path   string
	live   string
	accept string
	walk   bool // an ActivityPub collection: fetch every page
}

func (pc privacyCheck) run(t *testing.T, forbidden []string) {
	t.Helper()
	var body string
	if pc.walk {
		body = pc.client.collection(pc.path)
	} else {
		status, b := pc.client.get(pc.path, pc.accept)
		if status != http.StatusOK {
			t.Errorf("%s, as %s: GET %s: status %d", pc.name, pc.client.who, pc.path, status)
			return
		}
		body = b
	}
	if !strings.Contains(body, pc.live) {
		t.Errorf("%s, as %s: GET %s lacks the public pin (%q), so it proves nothing:\n%s", pc.name, pc.client.who, pc.path, pc.live, body)
		return
	}
	for _, f := range forbidden {
		if strings.Contains(body, f) {
			t.Errorf("%s, as %s: GET %s shows the message (%q)", pc.name, pc.client.who, pc.path, f)
		}
	}
}
