package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestWebAdminRejectsSignup: an admin rejects a pending sign-up from the
// admin page (a confirmed form with the CSRF token); the account is gone,
// cannot sign in, and its username can be signed up for again. Non-admins,
// signed-out visitors and forms without the token change nothing, and an
// approved account cannot be "rejected".
func TestWebAdminRejectsSignup(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		admin, bob := env.signedIn("root", true), env.signedIn("bob", false)
		setMode(t, admin, "approval")
		dave := env.browser()
		wantStatus(t, "sign up", dave.post("/signup", signupForm("dave", "reason", "I pin bread.")), http.StatusOK)
		wantBody(t, "admin page", admin.get("/admin"), `action="/admin/accounts/dave/reject" data-confirm="Reject the sign-up of @dave?`)

		for _, tc := range []struct {
			name   string
			who    *webBrowser
			form   url.Values
			status int
		}{
			{"a non-admin rejects", bob, nil, http.StatusForbidden},
			{"signed out", env.browser(), nil, http.StatusSeeOther},
			{"no CSRF token", admin, url.Values{"_csrf": {"-"}}, http.StatusForbidden},
			{"a wrong CSRF token", admin, url.Values{"_csrf": {"forged"}}, http.StatusForbidden},
		} {
			wantStatus(t, tc.name, tc.who.post("/admin/accounts/dave/reject", tc.form), tc.status)
		}
		wantBody(t, "still pending after refused rejections", admin.get("/admin"), "I pin bread.")

		wantStatus(t, "reject", admin.post("/admin/accounts/dave/reject", nil), http.StatusSeeOther)
		page := admin.get("/admin")
		wantBody(t, "after rejecting", page, "The sign-up of @dave is rejected and removed.", "Nobody is waiting.")
		if strings.Contains(page.body, "I pin bread.") {
			t.Error("the rejected sign-up is still listed")
		}
		login := url.Values{"username": {"dave"}, "password": {"long enough"}}
		wantStatus(t, "login after rejection", dave.post("/login", login), http.StatusUnauthorized)
		wantStatus(t, "reject again", admin.post("/admin/accounts/dave/reject", nil), http.StatusNotFound)
		wantStatus(t, "reject an approved account", admin.post("/admin/accounts/bob/reject", nil), http.StatusConflict)

		wantStatus(t, "sign up again with the name", env.browser().post("/signup", signupForm("dave", "reason", "Second try.")), http.StatusOK)
		wantBody(t, "admin page after the new sign-up", admin.get("/admin"), "@dave", "Second try.")
	})
}
