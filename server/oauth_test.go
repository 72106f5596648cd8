package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

// The authorization-code flow with PKCE, through the HTML form, as a
// Mastodon client drives it.
func TestOAuthAuthorizationCodeFlow(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		app := env.registerApp("read write")
		verifier, challenge := pkcePair()
		page, form := env.openAuthorize(authorizeQuery(app, clientRedirect, challenge))
		wantAPIStatus(t, "authorize page", page, http.StatusOK)
		for _, want := range []string{"Authorize Pinster", "read all your account", "change all your account", `name="password"`} {
			if !strings.Contains(page.Body, want) {
				t.Fatalf("authorize page lacks %q:\n%s", want, page.Body)
			}
		}
		cookie := page.Header.Get("Set-Cookie")
		for _, attr := range []string{"HttpOnly", "SameSite=Lax", "Secure"} {
			if !strings.Contains(cookie, attr) {
				t.Fatalf("CSRF cookie %q lacks %s", cookie, attr)
			}
		}
		if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https://client.test;") {
			t.Fatalf("CSP %q does not let the form redirect to the client", csp)
		}

		r := env.submit(form, "admin", apiPassword, "authorize")
		wantAPIStatus(t, "authorize", r, http.StatusFound)
		loc, _ := url.Parse(r.Header.Get("Location"))
		if got := loc.Scheme + "://" + loc.Host + loc.Path; got != clientRedirect || loc.Query().Get("state") != "st4te" {
			t.Fatalf("redirected to %s, want %s with the state", loc, clientRedirect)
		}

		r = env.exchange(app, loc.Query().Get("code"), verifier)
		wantAPIStatus(t, "exchange", r, http.StatusOK)
		tok := r.JSON(t)
		if tok["token_type"] != "Bearer" || tok["scope"] != "read write" || tok["refresh_token"] == nil ||
			tok["created_at"] != float64(env.clock.Now().Unix()) || tok["expires_in"] != nil {
			t.Fatalf("token response %v", tok)
		}
		if r.Header.Get("Cache-Control") != "no-store" {
			t.Fatal("token response may be cached")
		}

		me := env.get("/api/v1/accounts/verify_credentials", tok["access_token"].(string))
		wantAPIStatus(t, "verify_credentials", me, http.StatusOK)
		if m := me.JSON(t); m["username"] != "admin" || m["id"] != "1" {
			t.Fatalf("verify_credentials = %v", m)
		}
	})
}

func TestOAuthOutOfBandShowsTheCode(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		app := env.registerApp("read")
		q := authorizeQuery(app, corkboard.OOBRedirectURI, "")
		q.Set("scope", "read")
		_, form := env.openAuthorize(q)
		r := env.submit(form, "admin", apiPassword, "authorize")
		wantAPIStatus(t, "authorize", r, http.StatusOK)
		code := regexpFind(t, `<output class="oauth-code[^"]*">([^<]+)</output>`, r.Body)
		tok := env.postForm("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
			"redirect_uri": {corkboard.OOBRedirectURI}, "client_id": {app.ID}, "client_secret": {app.Secret}})
		wantAPIStatus(t, "exchange", tok, http.StatusOK)
	})
}

// Errors go to the client's redirect URI only once it is known to be the
// client's; otherwise the page shows them (no open redirect).
func TestOAuthAuthorizeErrors(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(q url.Values)
		wantStatus int
		wantError  string // error= on the redirect
	}{
		{"unknown client", func(q url.Values) { q.Set("client_id", "nope") }, http.StatusBadRequest, ""},
		{"unregistered redirect", func(q url.Values) { q.Set("redirect_uri", "https://evil.test/") }, http.StatusBadRequest, ""},
		{"scope beyond app", func(q url.Values) { q.Set("scope", "read write follow") }, http.StatusFound, corkboard.OAuthInvalidScope},
		{"implicit flow", func(q url.Values) { q.Set("response_type", "token") }, http.StatusFound, corkboard.OAuthUnsupportedResponseType},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		app := env.registerApp("read write")
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				q := authorizeQuery(app, clientRedirect, "")
				tt.edit(q)
				r, _ := env.openAuthorize(q)
				wantAPIStatus(t, "authorize page", r, tt.wantStatus)
				loc, _ := url.Parse(r.Header.Get("Location"))
				if got := loc.Query().Get("error"); got != tt.wantError || (tt.wantError != "" && loc.Host != "client.test") {
					t.Fatalf("redirect %q, want error %q to the client", loc, tt.wantError)
				}
			})
		}
	})
}

func TestOAuthDenyTellsTheClient(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		_, form := env.openAuthorize(authorizeQuery(env.registerApp("read write"), clientRedirect, ""))
		r := env.submit(form, "", "", "deny")
		wantAPIStatus(t, "deny", r, http.StatusFound)
		loc, _ := url.Parse(r.Header.Get("Location"))
		if loc.Query().Get("error") != corkboard.OAuthAccessDenied || loc.Query().Get("state") != "st4te" || env.count("oauth_auth_codes") != 0 {
			t.Fatalf("deny redirected to %s", loc)
		}
	})
}

// Refresh with HTTP Basic client authentication rotates the pair.
func TestOAuthRefresh(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		app := env.registerApp("read write")
		first := env.userToken(app)
		refresh := func() apiResponse {
			form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {first["refresh_token"].(string)}}
			return env.do(http.MethodPost, "/oauth/token", strings.NewReader(form.Encode()), func(r *http.Request) {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.SetBasicAuth(url.QueryEscape(app.ID), url.QueryEscape(app.Secret))
			})
		}
		r := refresh()
		wantAPIStatus(t, "refresh", r, http.StatusOK)
		next := r.JSON(t)
		wantAPIStatus(t, "old token", env.get("/api/v1/accounts/verify_credentials", first["access_token"].(string)), http.StatusUnauthorized)
		wantAPIStatus(t, "new token", env.get("/api/v1/accounts/verify_credentials", next["access_token"].(string)), http.StatusOK)
		wantAPIStatus(t, "refresh again", refresh(), http.StatusBadRequest)
	})
}

// A client_credentials token acts for the app: it may ask who the app is
// but has no account to verify.
func TestOAuthClientCredentials(t *testing.T) {
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		app := env.registerApp("read write")
		r := env.postForm("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {app.ID},
			"client_secret": {app.Secret}, "scope": {"read"}})
		wantAPIStatus(t, "client_credentials", r, http.StatusOK)
		tok := r.JSON(t)
		if tok["refresh_token"] != nil {
			t.Fatalf("client_credentials answered a refresh token: %v", tok)
		}
		token := tok["access_token"].(string)
		me := env.get("/api/v1/apps/verify_credentials", token)
		wantAPIStatus(t, "apps/verify_credentials", me, http.StatusOK)
		if m := me.JSON(t); m["name"] != "Pinster" || m["client_secret"] != nil {
			t.Fatalf("apps/verify_credentials = %v", m)
		}
		wantAPIStatus(t, "accounts/verify_credentials", env.get("/api/v1/accounts/verify_credentials", token), http.StatusForbidden)
	})
}
