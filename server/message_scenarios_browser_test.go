package server_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard/server/servertest"
	"golang.org/x/net/html"
)

// instanceBrowser is a person's browser on one instance of a network:
// signed in through the login form, with a cookie jar, not following
// redirects (so that a test sees each 303 and where it points).
type instanceBrowser struct {
	t      *testing.T
	in     *servertest.Instance
	client *http.Client
}

// signInAt signs username in on in with the password servertest gave them.
func signInAt(t *testing.T, in *servertest.Instance, username string) *instanceBrowser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	b := &instanceBrowser{t: t, in: in, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	page := b.get("/login")
	for _, f := range pageForms(t, page.body, "") {
		if strings.HasSuffix(f.action, "/login") {
			f.fields.Set("username", username)
			f.fields.Set("password", "password-"+username)
			if r := b.submit(f); r.status != http.StatusSeeOther {
				t.Fatalf("%s: sign in as %s: %d\n%s", in.Name, username, r.status, r.body)
			}
			return b
		}
	}
	t.Fatalf("%s: no login form on /login\n%s", in.Name, page.body)
	return nil
}

// get loads a page of the instance.
func (b *instanceBrowser) get(path string) webResponse {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.in.URL+path, nil)
	return b.do(req)
}

// submit posts a form as a browser would: its own fields (the CSRF token
// among them, as the page rendered it), from a page of the same origin.
func (b *instanceBrowser) submit(f pageForm) webResponse {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.in.URL+f.action, strings.NewReader(f.fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.in.URL)
	return b.do(req)
}

func (b *instanceBrowser) do(req *http.Request) webResponse {
	b.t.Helper()
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("%s: %s %s: %v", b.in.Name, req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return webResponse{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

// pageForm is one POST form of a page: where it goes and what it sends
// unless the person changes something (hidden inputs, the first option
// of each select).
type pageForm struct {
	action string
	fields url.Values
}

// pageForms parses the POST forms of a page, only those inside elements
// of class within when it is not "" (a card, say).
func pageForms(t *testing.T, page, within string) []pageForm {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	var out []pageForm
	var walk func(n *html.Node, inside bool)
	walk = func(n *html.Node, inside bool) {
		if n.Type == html.ElementNode {
			inside = inside || within == "" || htmlHasClass(n, within)
			if n.Data == "form" && inside && strings.EqualFold(htmlAttr(n, "method"), "post") {
				out = append(out, pageForm{action: htmlAttr(n, "action"), fields: formFields(n)})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inside)
		}
	}
	walk(doc, false)
	return out
}

// formFields is what a form sends untouched.
func formFields(form *html.Node) url.Values {
	v := url.Values{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch name := htmlAttr(n, "name"); {
			case name == "":
			case n.Data == "input" && htmlAttr(n, "type") != "submit":
				v.Set(name, htmlAttr(n, "value"))
			case n.Data == "select":
				for o := n.FirstChild; o != nil; o = o.NextSibling {
					if o.Type == html.ElementNode && o.Data == "option" {
						v.Set(name, htmlAttr(o, "value"))
						return
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	return v
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlHasClass(n *html.Node, class string) bool {
	return strings.Contains(" "+htmlAttr(n, "class")+" ", " "+class+" ")
}
