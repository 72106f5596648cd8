package server_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

// refusal prepares a request that must be refused and returns it; after
// optionally checks what the refusal caused (e.g. revoked tokens).
type refusal struct {
	act   func() apiResponse
	after func(t *testing.T)
}

// Each refused request answers the right status and stores nothing: no
// authorization code and no token is added.
func TestOAuthRefusals(t *testing.T) {
	tests := []struct {
		name       string
		prepare    func(t *testing.T, env *apiEnv, app testApp) refusal
		wantStatus int
		wantError  string // the RFC 6749 error name, for JSON answers
	}{
		{"wrong password on the authorize form", func(t *testing.T, env *apiEnv, app testApp) refusal {
			_, form := env.openAuthorize(authorizeQuery(app, clientRedirect, ""))
			return refusal{act: func() apiResponse { return env.submit(form, "admin", "wrong-password", "authorize") }}
		}, http.StatusUnauthorized, ""},
		{"missing CSRF on the authorize form", func(t *testing.T, env *apiEnv, app testApp) refusal {
			_, form := env.openAuthorize(authorizeQuery(app, clientRedirect, ""))
			form.cookie = ""
			return refusal{act: func() apiResponse { return env.submit(form, "admin", apiPassword, "authorize") }}
		}, http.StatusForbidden, ""},
		{"forged CSRF field", func(t *testing.T, env *apiEnv, app testApp) refusal {
			_, form := env.openAuthorize(authorizeQuery(app, clientRedirect, ""))
			form.fields.Set("csrf_token", "forged")
			return refusal{act: func() apiResponse { return env.submit(form, "admin", apiPassword, "authorize") }}
		}, http.StatusForbidden, ""},
		{"reused authorization code", func(t *testing.T, env *apiEnv, app testApp) refusal {
			verifier, challenge := pkcePair()
			code := env.authorizeCode(app, challenge)
			first := env.exchange(app, code, verifier)
			wantAPIStatus(t, "first exchange", first, http.StatusOK)
			token := first.JSON(t)["access_token"].(string)
			return refusal{act: func() apiResponse { return env.exchange(app, code, verifier) }, after: func(t *testing.T) {
				r := env.get("/api/v1/accounts/verify_credentials", token)
				wantAPIStatus(t, "token from the reused code", r, http.StatusUnauthorized)
			}}
		}, http.StatusBadRequest, "invalid_grant"},
		{"expired token", func(t *testing.T, env *apiEnv, app testApp) refusal {
			token := env.userToken(app)["access_token"].(string)
			env.clock.Advance(2 * time.Hour)
			return refusal{act: func() apiResponse { return env.get("/api/v1/accounts/verify_credentials", token) }}
		}, http.StatusUnauthorized, ""},
		{"revoked token", func(t *testing.T, env *apiEnv, app testApp) refusal {
			token := env.userToken(app)["access_token"].(string)
			revoke(t, env, app, token)
			return refusal{act: func() apiResponse { return env.get("/api/v1/accounts/verify_credentials", token) }}
		}, http.StatusUnauthorized, ""},
		{"refresh of a revoked refresh token", func(t *testing.T, env *apiEnv, app testApp) refusal {
			refresh := env.userToken(app)["refresh_token"].(string)
			revoke(t, env, app, refresh)
			return refusal{act: func() apiResponse {
				return env.postForm("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh},
					"client_id": {app.ID}, "client_secret": {app.Secret}})
			}}
		}, http.StatusBadRequest, "invalid_grant"},
		{"token with a wrong client secret", func(t *testing.T, env *apiEnv, app testApp) refusal {
			return refusal{act: func() apiResponse {
				return env.postForm("/oauth/token", url.Values{"grant_type": {"client_credentials"},
					"client_id": {app.ID}, "client_secret": {"wrong"}})
			}}
		}, http.StatusUnauthorized, "invalid_client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eachAPIKind(t, apiEnvOptions{TokenLifetime: time.Hour}, func(t *testing.T, env *apiEnv) {
				app := env.registerApp("read write")
				rf := tt.prepare(t, env, app)
				codes, tokens := env.count("oauth_auth_codes"), env.count("oauth_tokens")
				r := rf.act()
				wantAPIStatus(t, tt.name, r, tt.wantStatus)
				if tt.wantError != "" && r.JSON(t)["error"] != tt.wantError {
					t.Fatalf("error = %v, want %s", r.JSON(t)["error"], tt.wantError)
				}
				if c, n := env.count("oauth_auth_codes"), env.count("oauth_tokens"); c != codes || n != tokens {
					t.Fatalf("refused request stored something: codes %d -> %d, tokens %d -> %d", codes, c, tokens, n)
				}
				if rf.after != nil {
					rf.after(t)
				}
			})
		})
	}
}

// revoke revokes an access or refresh token through /oauth/revoke.
func revoke(t *testing.T, env *apiEnv, app testApp, token string) {
	t.Helper()
	r := env.postForm("/oauth/revoke", url.Values{"client_id": {app.ID}, "client_secret": {app.Secret}, "token": {token}})
	wantAPIStatus(t, "revoke", r, http.StatusOK)
	if r.Body != "{}\n" {
		t.Fatalf("revoke answered %q, want {}", r.Body)
	}
}
