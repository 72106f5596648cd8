package activitypub_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestWebFinger(t *testing.T) {
	s := newSite(t, nil)
	wf := func(resource string) string {
		return s.URL + "/.well-known/webfinger?resource=" + url.QueryEscape(resource)
	}
	cases := []struct {
		name, resource string
		status         int
		golden         string // the JRD's golden file, when found
	}{
		{"person by handle, host with port", "acct:alice@" + s.Host, http.StatusOK, "webfinger-person.json"},
		{"person by handle, capitalised", "acct:Alice@" + s.Host, http.StatusOK, "webfinger-person.json"},
		{"person by actor IRI", s.aliceIRI, http.StatusOK, "webfinger-person.json"},
		{"person by profile page", s.aliceHTML, http.StatusOK, "webfinger-person.json"},
		{"board by handle", "acct:alice.recipes@" + s.Host, http.StatusOK, "webfinger-board.json"},
		{"board by actor IRI", s.boardIRI, http.StatusOK, "webfinger-board.json"},
		{"instance actor", "acct:" + s.Host + "@" + s.Host, http.StatusOK, "webfinger-instance.json"},
		{"secret board", "acct:alice.drafts@" + s.Host, http.StatusNotFound, ""},
		{"secret board by IRI", s.draftsIRI, http.StatusNotFound, ""},
		{"unknown person", "acct:nobody@" + s.Host, http.StatusNotFound, ""},
		{"another host", "acct:alice@elsewhere.example", http.StatusNotFound, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := s.get(t, wf(tc.resource), "")
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d\n%s", resp.StatusCode, tc.status, body)
			}
			if tc.golden == "" {
				return
			}
			if ct, cors := resp.Header.Get("Content-Type"), resp.Header.Get("Access-Control-Allow-Origin"); !strings.HasPrefix(ct, "application/jrd+json") || cors != "*" {
				t.Fatalf("Content-Type %q, CORS %q", ct, cors)
			}
			checkGolden(t, tc.golden, normalize(t, body, s.URL))
		})
	}
	if status := s.status(t, s.URL+"/.well-known/webfinger", ""); status == http.StatusOK {
		t.Errorf("webfinger without a resource answered %d", status)
	}
}

func TestHostMeta(t *testing.T) {
	s := newSite(t, nil)
	resp, body := s.get(t, s.URL+"/.well-known/host-meta", "")
	want := `template="` + s.URL + `/.well-known/webfinger?resource={uri}"`
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/xrd+xml") || !strings.Contains(string(body), want) {
		t.Fatalf("host-meta: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

func TestNodeInfo(t *testing.T) {
	s := newSite(t, nil)
	s.pin(t, s.alice, s.recipes, "Lemon tart")
	s.pin(t, s.alice, s.drafts, "Secret")
	resp, body := s.get(t, s.URL+"/.well-known/nodeinfo", "")
	var links struct{ Links []struct{ Rel, Href string } }
	if err := json.Unmarshal(body, &links); err != nil || resp.StatusCode != http.StatusOK || len(links.Links) != 2 {
		t.Fatalf("nodeinfo links: %d %v\n%s", resp.StatusCode, err, body)
	}
	for _, l := range links.Links {
		version := l.Rel[strings.LastIndex(l.Rel, "/")+1:]
		resp, body := s.get(t, l.Href, "")
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "schema/"+version+"#") {
			t.Fatalf("%s: %d %s", l.Href, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		checkGolden(t, "nodeinfo-"+version+".json", normalize(t, body, s.URL))
	}
	if status := s.status(t, s.URL+"/nodeinfo/1.0", ""); status != http.StatusNotFound {
		t.Errorf("/nodeinfo/1.0 answered %d", status)
	}
}
