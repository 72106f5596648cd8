package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

// TestPendingSignupSignIn: someone whose sign-up waits for approval and
// who gives the right password is told so, on the log-in page and on the
// OAuth consent page of an app, and gets no session or code. With a wrong
// password they get the generic answer, so that the pending state of a
// username cannot be probed without its password.
func TestPendingSignupSignIn(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		if _, err := env.srv.Service().CreateAccount(context.Background(), corkboard.NewAccount{
			Username: "dave", Password: "long enough", SignupNote: "I pin bread."}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, password string
			status         int
			web, consent   string // what the log-in page and the consent page say
			not            string // what neither may say
		}{
			{"right password", "long enough", http.StatusForbidden,
				"Your sign-up is waiting for an admin&#39;s approval.", "your sign-up is waiting for an admin&#39;s approval", "Wrong username or password"},
			{"wrong password", "not the password", http.StatusUnauthorized,
				"Wrong username or password.", "wrong username or password", "waiting for an admin"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				b := (&webEnv{t: t, srv: env.srv, ts: env.ts}).browser()
				r := b.post("/login", url.Values{"username": {"dave"}, "password": {tc.password}})
				wantStatus(t, "log in", r, tc.status)
				wantBody(t, "log in", r, tc.web)
				if strings.Contains(r.body, tc.not) || b.cookie("corkboard_session") != "" {
					t.Errorf("log-in page says %q or signed in", tc.not)
				}

				page, form := env.openAuthorize(authorizeQuery(env.registerApp("read write"), clientRedirect, ""))
				wantAPIStatus(t, "authorize page", page, http.StatusOK)
				a := env.submit(form, "dave", tc.password, "authorize")
				wantAPIStatus(t, "authorize", a, tc.status)
				if !strings.Contains(a.Body, tc.consent) || strings.Contains(a.Body, tc.not) || a.Header.Get("Location") != "" {
					t.Errorf("consent page lacks %q, says %q, or redirects to %q:\n%s", tc.consent, tc.not, a.Header.Get("Location"), a.Body)
				}
			})
		}
	})
}
