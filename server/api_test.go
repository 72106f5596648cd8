package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// issueToken makes a token for the admin as the admin CLI does.
func (e *apiEnv) issueToken(scopes string) string {
	e.t.Helper()
	token, err := e.srv.Service().IssueToken(context.Background(), e.admin, scopes)
	if err != nil {
		e.t.Fatalf("IssueToken: %v", err)
	}
	return token
}

func TestAPIVerifyCredentials(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		r := env.get("/api/v1/accounts/verify_credentials", env.issueToken(""))
		wantAPIStatus(t, "verify_credentials", r, http.StatusOK)
		m := r.JSON(t)
		want := map[string]any{"id": "1", "username": "admin", "acct": "admin", "display_name": "Ad Min",
			"url": "https://pins.test/@admin", "uri": "https://pins.test/users/admin", "locked": false,
			"created_at": "2026-03-01T00:00:00.000Z", "avatar": "https://pins.test/static/avatar.svg"}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("%s = %v, want %v", k, m[k], v)
			}
		}
		if src, ok := m["source"].(map[string]any); !ok || src["privacy"] != "public" {
			t.Errorf("source = %v, want the editable profile", m["source"])
		}
	})
}

func TestAPIBearerAuth(t *testing.T) {
	tests := []struct {
		name       string
		header     string
		wantStatus int
		wantAuth   string // WWW-Authenticate
	}{
		{"no token", "", http.StatusUnauthorized, `Bearer realm="corkboard"`},
		{"unknown token", "Bearer nope", http.StatusUnauthorized, `Bearer realm="corkboard", error="invalid_token"`},
		{"other scheme", "Basic YWRtaW46eA==", http.StatusUnauthorized, `Bearer realm="corkboard"`},
		{"token without the scope", "Bearer {write}", http.StatusForbidden, ""},
		{"sub-scope suffices", "Bearer {read:accounts}", http.StatusOK, ""},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				header := tt.header
				if i := strings.Index(header, "{"); i > 0 {
					header = header[:i] + env.issueToken(strings.Trim(header[i:], "{}"))
				}
				r := env.do(http.MethodGet, "/api/v1/accounts/verify_credentials", nil, func(r *http.Request) {
					r.Header.Set("Authorization", header)
				})
				wantAPIStatus(t, tt.name, r, tt.wantStatus)
				if got := r.Header.Get("WWW-Authenticate"); got != tt.wantAuth {
					t.Errorf("WWW-Authenticate = %q, want %q", got, tt.wantAuth)
				}
				if r.Status == http.StatusUnauthorized && r.JSON(t)["error"] != "The access token is invalid" {
					t.Errorf("body = %s", r.Body)
				}
			})
		}
	})
}

func TestAPIRegisterAppValidates(t *testing.T) {
	tests := []struct {
		name, body string
		wantStatus int
	}{
		{"form with newline-separated URIs", "client_name=A&redirect_uris=https%3A%2F%2Fa.test%2F1%0Ahttps%3A%2F%2Fa.test%2F2", http.StatusOK},
		{"form array", "client_name=A&redirect_uris[]=https%3A%2F%2Fa.test%2F1&redirect_uris[]=app%3A%2F%2Fcb", http.StatusOK},
		{"no name", "redirect_uris=https%3A%2F%2Fa.test%2F", http.StatusUnprocessableEntity},
		{"relative redirect", "client_name=A&redirect_uris=%2Fcb", http.StatusUnprocessableEntity},
		{"unknown scope", "client_name=A&redirect_uris=https%3A%2F%2Fa.test%2F&scopes=root", http.StatusUnprocessableEntity},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := env.do(http.MethodPost, "/api/v1/apps", strings.NewReader(tt.body), func(r *http.Request) {
					r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				})
				wantAPIStatus(t, tt.name, r, tt.wantStatus)
				m := r.JSON(t)
				if r.Status == http.StatusOK && (m["vapid_key"] != "" || len(m["redirect_uris"].([]any)) != 2 || m["scopes"].([]any)[0] != "read") {
					t.Errorf("app = %v", m)
				}
				if r.Status != http.StatusOK && m["error"] == "" {
					t.Errorf("error body = %v", m)
				}
			})
		}
	})
}

// Web clients on other origins call the API; the browser asks first.
func TestAPICORS(t *testing.T) {
	tests := []struct {
		name, method, path string
		wantStatus         int
		wantOrigin         string
	}{
		{"API preflight", http.MethodOptions, "/api/v1/accounts/verify_credentials", http.StatusNoContent, "*"},
		{"token preflight", http.MethodOptions, "/oauth/token", http.StatusNoContent, "*"},
		{"API call", http.MethodGet, "/api/v1/instance", http.StatusOK, "*"},
		{"401 is readable cross-origin", http.MethodGet, "/api/v1/accounts/verify_credentials", http.StatusUnauthorized, "*"},
		{"unknown API path is 404", http.MethodGet, "/api/v1/nothing", http.StatusNotFound, "*"},
		{"authorize page is not", http.MethodGet, "/oauth/authorize", http.StatusBadRequest, ""},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := env.do(tt.method, tt.path, nil, func(r *http.Request) {
					r.Header.Set("Origin", "https://web-client.test")
					if tt.method == http.MethodOptions {
						r.Header.Set("Access-Control-Request-Method", http.MethodPost)
						r.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
					}
				})
				wantAPIStatus(t, tt.name, r, tt.wantStatus)
				if got := r.Header.Get("Access-Control-Allow-Origin"); got != tt.wantOrigin {
					t.Fatalf("Access-Control-Allow-Origin = %q, want %q", got, tt.wantOrigin)
				}
				if tt.method == http.MethodOptions && !strings.Contains(r.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
					t.Fatalf("preflight allows headers %q", r.Header.Get("Access-Control-Allow-Headers"))
				}
			})
		}
	})
}
