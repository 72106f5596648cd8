package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var reportLink = regexp.MustCompile(`href="(/messages/\d+/messages/\d+/report)"`)

// TestWebReportMessage: bob reports a request from alice; the form needs
// its CSRF token, only bob may use it, the request is declined, and only
// admins see the report, with the message's text escaped.
func TestWebReportMessage(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		alice, bob, eve := env.signedIn("alice", false), env.signedIn("bob", false), env.signedIn("eve", false)
		admin := env.signedIn("root", true)
		r := alice.post("/send", url.Values{"to": {"@bob"}, "text": {"you are <b>awful</b>"}})
		wantStatus(t, "send", r, http.StatusSeeOther)
		thread := r.header.Get("Location")

		m := reportLink.FindStringSubmatch(bob.get("/messages/requests").body)
		if m == nil {
			t.Fatal("the request has no Report button")
		}
		link := m[1]
		if !strings.HasPrefix(link, thread+"/") {
			t.Fatalf("report link %q is not in the thread %q", link, thread)
		}
		if reportLink.MatchString(alice.get(thread).body) {
			t.Error("alice may report her own message")
		}
		form := bob.get(link)
		wantStatus(t, "form", form, http.StatusOK)
		wantBody(t, "form", form, `name="comment"`, `name="block"`, "you are &lt;b&gt;awful&lt;/b&gt;", "declines the request")
		wantNoBody(t, "form for a local sender", form, `name="forward"`)

		for _, tc := range []struct {
			name    string
			who     *webBrowser
			path    string
			form    url.Values
			status  int
			getsToo bool
		}{
			{"no CSRF token", bob, link, url.Values{"_csrf": {"-"}, "comment": {"spam"}}, http.StatusForbidden, false},
			{"an outsider", eve, link, url.Values{"comment": {"spam"}}, http.StatusNotFound, true},
			{"the sender", alice, link, url.Values{"comment": {"spam"}}, http.StatusNotFound, true},
			{"a message of another thread", bob, strings.Replace(link, thread, thread+"0", 1), url.Values{}, http.StatusNotFound, true},
		} {
			wantStatus(t, tc.name, tc.who.post(tc.path, tc.form), tc.status)
			if tc.getsToo {
				wantStatus(t, tc.name+" opens the form", tc.who.get(tc.path), tc.status)
			}
		}
		wantBody(t, "no report yet", admin.get("/admin"), "No reports.")

		r = bob.post(link, url.Values{"comment": {"<script>spam</script>"}})
		wantStatus(t, "report", r, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != "/messages/requests" {
			t.Errorf("report redirects to %q, want the requests", loc)
		}
		wantBody(t, "flash", bob.get("/messages/requests"), "Your report was sent to the admins", "Requests (0)")
		again := bob.post(link, url.Values{"comment": {"again"}})
		wantStatus(t, "second report", again, http.StatusUnprocessableEntity)
		wantBody(t, "second report", again, "You already reported this message.")
		wantBody(t, "report button in the thread", bob.get(thread), link)

		page := admin.get("/admin")
		wantBody(t, "admin page", page, "From here", "@bob", "@alice", "you are &lt;b&gt;awful&lt;/b&gt;", "&lt;script&gt;spam&lt;/script&gt;")
		for _, who := range []*webBrowser{bob, alice} {
			if r := who.get("/admin"); r.status != http.StatusForbidden && r.status != http.StatusNotFound || strings.Contains(r.body, "awful") {
				t.Errorf("a non-admin reads the admin page: status %d", r.status)
			}
		}
	})
}
