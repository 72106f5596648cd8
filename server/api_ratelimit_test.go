package server_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// The limits at RateLimitScale 0.1 with the clock standing still: 3 token
// requests per address, 2 log-ins per address, 1 per account, 30 API calls
// per token.
func TestAPIRateLimits(t *testing.T) {
	tests := []struct {
		name    string
		allowed int // requests that pass before the 429
		status  int // their answer
		request func(env *apiEnv, f limitFixture, i int) apiResponse
	}{
		{"token endpoint per address", 3, http.StatusOK, func(env *apiEnv, f limitFixture, _ int) apiResponse {
			return env.postForm("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {f.app.ID}, "client_secret": {f.app.Secret}})
		}},
		{"bad log-ins per address", 2, http.StatusUnauthorized, func(env *apiEnv, f limitFixture, i int) apiResponse {
			_, form := env.openAuthorize(authorizeQuery(f.app, clientRedirect, ""))
			return env.submit(form, "user"+strconv.Itoa(i), "wrong-password", "authorize")
		}},
		{"bad log-ins per account", 1, http.StatusUnauthorized, func(env *apiEnv, f limitFixture, _ int) apiResponse {
			_, form := env.openAuthorize(authorizeQuery(f.app, clientRedirect, ""))
			return env.submit(form, "admin", "wrong-password", "authorize")
		}},
		{"API calls per token", 30, http.StatusOK, func(env *apiEnv, f limitFixture, _ int) apiResponse {
			return env.get("/api/v1/apps/verify_credentials", f.token)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eachAPIKind(t, apiEnvOptions{RateLimitScale: 0.1}, func(t *testing.T, env *apiEnv) {
				f := newLimitFixture(t, env)
				for i := range tt.allowed {
					wantAPIStatus(t, "request "+strconv.Itoa(i+1), tt.request(env, f, i), tt.status)
				}
				r := tt.request(env, f, tt.allowed)
				wantAPIStatus(t, "one request too many", r, http.StatusTooManyRequests)
				if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || s < 1 {
					t.Fatalf("Retry-After = %q, want whole seconds", r.Header.Get("Retry-After"))
				}
			})
		})
	}
}

// limitFixture is an app and a client_credentials token of it, made through
// the Service so that the token endpoint's own limit is not spent.
type limitFixture struct {
	app   testApp
	token string
}

func newLimitFixture(t *testing.T, env *apiEnv) limitFixture {
	t.Helper()
	app := env.registerApp("read write")
	g, err := env.srv.Service().ClientCredentials(t.Context(), app.ID, app.Secret, "read")
	if err != nil {
		t.Fatalf("ClientCredentials: %v", err)
	}
	return limitFixture{app: app, token: g.AccessToken}
}
