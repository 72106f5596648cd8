package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAdminBlocksSection: an admin blocks and unblocks a server from the
// admin page; others cannot.
func TestAdminBlocksSection(t *testing.T) {
	env := newWebEnv(t, "sqlite", webEnvOptions{})
	admin := env.signedIn("root", true)
	r := admin.post("/admin/blocks", url.Values{"domain": {"Spam.Example."}, "severity": {"suspend"}, "reason": {"waves of spam"}})
	wantStatus(t, "block", r, http.StatusSeeOther)
	page := admin.get("/admin")
	wantBody(t, "admin page", page, "spam.example is suspended.", `<td class="mono">spam.example</td>`, "waves of spam", "No reports.")

	r = admin.post("/admin/blocks", url.Values{"domain": {"x.example"}, "severity": {"ban"}})
	if r.status < 400 {
		t.Errorf("a bad severity was accepted: %d", r.status)
	}
	wantStatus(t, "unblock", admin.post("/admin/blocks/remove", url.Values{"domain": {"spam.example"}}), http.StatusSeeOther)
	if page := admin.get("/admin"); strings.Contains(page.body, `<td class="mono">spam.example</td>`) {
		t.Error("still listed after unblocking")
	}
	someone := env.signedIn("someone", false)
	if r := someone.post("/admin/blocks", url.Values{"domain": {"other.example"}, "severity": {"suspend"}}); r.status != http.StatusForbidden && r.status != http.StatusNotFound {
		t.Errorf("a non-admin blocked a domain: status %d", r.status)
	}
}
