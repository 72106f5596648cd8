package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

func signupForm(username, extra, value string) url.Values {
	f := url.Values{"username": {username}, "email": {username + "@example.test"}, "password": {"long enough"}}
	if extra != "" {
		f.Set(extra, value)
	}
	return f
}

// setMode switches the registration mode through the admin page.
func setMode(t *testing.T, admin *webBrowser, mode string) {
	t.Helper()
	wantStatus(t, "set mode "+mode, admin.post("/admin/registration", url.Values{"mode": {mode}}), http.StatusSeeOther)
}

func TestWebSignupOpenSignsIn(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		setMode(t, env.signedIn("root", true), "open")
		b := env.browser()
		r := b.post("/signup", signupForm("carol", "", ""))
		wantStatus(t, "sign up", r, http.StatusSeeOther)
		wantBody(t, "home", b.get("/"), "Welcome to Corkboard, @carol", "Welcome, carol")
	})
}

func TestWebSignupApprovalWaitsForAdmin(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		admin := env.signedIn("root", true)
		setMode(t, admin, "approval")
		b := env.browser()
		r := b.post("/signup", signupForm("dave", "reason", "I pin bread."))
		wantStatus(t, "sign up", r, http.StatusOK)
		wantBody(t, "thanks page", r, "admin will review your request")
		if b.cookie("corkboard_session") != "" {
			t.Fatal("a pending sign-up was signed in")
		}
		login := url.Values{"username": {"dave"}, "password": {"long enough"}}
		r = b.post("/login", login)
		wantStatus(t, "login while pending", r, http.StatusForbidden)
		wantBody(t, "login while pending", r, "waiting for an admin")
		wantStatus(t, "pending profile", b.get("/@dave"), http.StatusNotFound)

		wantBody(t, "admin page", admin.get("/admin"), "@dave", "I pin bread.")
		wantStatus(t, "approve", admin.post("/admin/accounts/dave/approve", url.Values{}), http.StatusSeeOther)
		wantStatus(t, "login after approval", b.post("/login", login), http.StatusSeeOther)
	})
}

var inviteLink = regexp.MustCompile(`http://example\.test/signup\?invite=([A-Za-z0-9_-]+)`)

func TestWebSignupInviteIsSingleUse(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		admin := env.signedIn("root", true)
		setMode(t, admin, "invite")
		r := admin.post("/admin/invites", url.Values{"max_uses": {"1"}, "expires_days": {"7"}})
		wantStatus(t, "create invite", r, http.StatusSeeOther)
		m := inviteLink.FindStringSubmatch(admin.get(r.header.Get("Location")).body)
		if m == nil {
			t.Fatal("the admin page does not show the new invite link")
		}
		code := m[1]
		wantBody(t, "prefilled form", env.browser().get("/signup?invite="+code), `value="`+code+`"`)

		tests := []struct {
			name, user, code string
			want             int
		}{
			{"no code", "erin", "", http.StatusForbidden},
			{"unknown code", "erin", "not-a-code", http.StatusForbidden},
			{"valid code", "erin", code, http.StatusSeeOther},
			{"code used up", "frank", code, http.StatusForbidden},
		}
		for _, tt := range tests {
			r := env.browser().post("/signup", signupForm(tt.user, "invite_code", tt.code))
			wantStatus(t, tt.name, r, tt.want)
		}
	})
}

func TestWebSignupClosed(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		setMode(t, env.signedIn("root", true), "closed")
		b := env.browser()
		wantBody(t, "closed page", b.get("/signup"), "Sign-ups are closed")
		wantStatus(t, "sign up", b.post("/signup", signupForm("gina", "", "")), http.StatusForbidden)
		wantStatus(t, "login of refused sign-up", b.post("/login", url.Values{"username": {"gina"}, "password": {"long enough"}}), http.StatusUnauthorized)
	})
}

func TestWebSignupValidationKeepsValues(t *testing.T) {
	eachKind(t, webEnvOptions{}, func(t *testing.T, env *webEnv) {
		setMode(t, env.signedIn("root", true), "open")
		f := url.Values{"username": {"Not Valid!"}, "email": {"kept@example.test"}, "password": {"secret-typed"}}
		r := env.browser().post("/signup", f)
		wantStatus(t, "invalid sign-up", r, http.StatusUnprocessableEntity)
		wantBody(t, "invalid sign-up", r, "Username must be", `value="kept@example.test"`, `value="Not Valid!"`)
		if regexp.MustCompile(`secret-typed`).MatchString(r.body) {
			t.Fatal("the password was sent back in the form")
		}
	})
}
