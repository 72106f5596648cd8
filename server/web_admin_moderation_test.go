package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
)

// TestWebAdminModeration: from a report row an admin suspends the
// reported person (their session, token and pages die at once, the report
// is resolved and says so), opens the domain-block form prefilled for a
// remote target, resolves and reopens a report, and unsuspends; the
// forms need the CSRF token and are for admins only.
func TestWebAdminModeration(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		ctx, svc := context.Background(), env.srv.Service()
		admin, alice, bob := env.signedIn("root", true), env.signedIn("alice", false), env.signedIn("bob", false)
		aliceAcct, err := svc.Account(ctx, "alice")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CreateBoard(ctx, aliceAcct, corkboard.BoardInput{Title: "Lamps"}); err != nil {
			t.Fatal(err)
		}
		token, err := svc.IssueToken(ctx, aliceAcct, "")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		spammer := &corkboard.Account{Username: "spammer", Domain: "spam.example", IRI: "https://spam.example/users/spammer",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := env.srv.Store().UpsertRemoteAccount(ctx, spammer); err != nil {
			t.Fatal(err)
		}
		report := func(n string, target int64) string {
			r := &corkboard.Report{IRI: "https://spam.example/flags/" + n, ReporterIRI: "https://spam.example/actor", TargetAccountID: target, Comment: "report " + n}
			if err := svc.FileRemoteReport(ctx, r); err != nil {
				t.Fatal(err)
			}
			return strconv.FormatInt(r.ID, 10)
		}
		aboutAlice, aboutSpammer := report("1", aliceAcct.ID), report("2", spammer.ID)

		page := admin.get("/admin")
		wantBody(t, "admin page", page, "2 open", "Suspend @alice", "Suspend @spammer@spam.example",
			`action="/admin/reports/`+aboutAlice+`/suspend"`, `href="/admin?block=spam.example#blocks"`, "Block domain spam.example")
		wantNoBody(t, "a local target", page, "Block domain example.test")
		wantBody(t, "the prefilled block form", admin.get("/admin?block=spam.example"), `value="spam.example" autofocus`)

		for _, tc := range []struct {
			name   string
			who    *webBrowser
			path   string
			form   url.Values
			status int
		}{
			{"a non-admin suspends", bob, "/admin/reports/" + aboutAlice + "/suspend", nil, http.StatusForbidden},
			{"a non-admin resolves", bob, "/admin/reports/" + aboutAlice + "/resolve", nil, http.StatusForbidden},
			{"a non-admin unsuspends", bob, "/admin/suspensions/remove", url.Values{"account_id": {fmt.Sprint(aliceAcct.ID)}}, http.StatusForbidden},
			{"signed out", env.browser(), "/admin/reports/" + aboutAlice + "/suspend", nil, http.StatusSeeOther},
			{"no CSRF token", admin, "/admin/reports/" + aboutAlice + "/suspend", url.Values{"_csrf": {"-"}}, http.StatusForbidden},
			{"a missing report", admin, "/admin/reports/999999/suspend", nil, http.StatusNotFound},
		} {
			wantStatus(t, tc.name, tc.who.post(tc.path, tc.form), tc.status)
		}
		if _, err := svc.PublicProfile(ctx, "alice"); err != nil {
			t.Fatalf("alice was suspended by a refused request: %v", err)
		}

		wantStatus(t, "suspend from the report", admin.post("/admin/reports/"+aboutAlice+"/suspend", nil), http.StatusSeeOther)
		page = admin.get("/admin")
		wantBody(t, "after suspending", page, "@alice is suspended, and the report is resolved.", "1 open",
			"Resolved reports", "Resolved by @root", ": suspended @alice", "Suspended accounts", "suspended by @root", "report #"+aboutAlice)
		if r := alice.get("/settings/profile"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
			t.Errorf("alice's session after her suspension: %d %s, want a redirect to log in", r.status, r.header.Get("Location"))
		}
		if r := apiGet(t, env, "/api/v1/accounts/verify_credentials", token); r != http.StatusUnauthorized {
			t.Errorf("alice's token after her suspension: %d, want 401", r)
		}
		visitor := env.browser()
		for _, path := range []string{"/@alice", "/@alice/lamps", "/@alice/feed.rss", "/@alice/lamps/feed.rss"} {
			wantStatus(t, path+" while suspended", visitor.get(path), http.StatusNotFound)
		}
		if r := apiGet(t, env, "/users/alice", ""); r != http.StatusNotFound && r != http.StatusGone {
			t.Errorf("alice's actor while suspended: %d, want 404 or 410", r)
		}

		wantStatus(t, "resolve", admin.post("/admin/reports/"+aboutSpammer+"/resolve", url.Values{"note": {"watching them"}}), http.StatusSeeOther)
		wantBody(t, "after resolving", admin.get("/admin"), "No open reports.", ": watching them", `action="/admin/reports/`+aboutSpammer+`/reopen"`)
		wantStatus(t, "reopen", admin.post("/admin/reports/"+aboutSpammer+"/reopen", nil), http.StatusSeeOther)
		wantBody(t, "after reopening", admin.get("/admin"), "1 open", `action="/admin/reports/`+aboutSpammer+`/resolve"`)

		wantStatus(t, "unsuspend", admin.post("/admin/suspensions/remove", url.Values{"account_id": {fmt.Sprint(aliceAcct.ID)}}), http.StatusSeeOther)
		wantBody(t, "after unsuspending", admin.get("/admin"), "@alice is no longer suspended.", "No account is suspended.")
		for _, path := range []string{"/@alice", "/@alice/lamps"} {
			wantStatus(t, path+" after unsuspension", visitor.get(path), http.StatusOK)
		}
	})
}

// apiGet sends a GET, with a bearer token when one is given, as an
// ActivityPub or API client would, and returns the status.
func apiGet(t *testing.T, env *webEnv, path, token string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, env.ts.URL+path, nil)
	req.Header.Set("Accept", "application/activity+json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
