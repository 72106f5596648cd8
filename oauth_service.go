package corkboard

import (
	"context"
	"net/url"
	"strings"
)

// RegisterApp registers an OAuth client and returns it with its secret,
// which is shown only this once. Empty scopes mean "read", as on Mastodon.
func (s *Service) RegisterApp(ctx context.Context, name string, redirectURIs []string, scopes, website string) (*App, string, error) {
	name, website, scopes = strings.TrimSpace(name), strings.TrimSpace(website), normalizeScopes(scopes, "read")
	if n := len([]rune(name)); n < 1 || n > 200 {
		return nil, "", Errorf(EINVALID, "client_name must be 1 to 200 characters")
	}
	if err := validateRedirectURIs(redirectURIs); err != nil {
		return nil, "", err
	}
	if err := ValidateScopes(scopes); err != nil {
		return nil, "", err
	}
	if website != "" && !isHTTPURL(website) {
		return nil, "", Errorf(EINVALID, "website must be an http(s) URL")
	}
	secret := NewSecret()
	app := &App{ClientID: NewSecret(), ClientSecretHash: HashSecret(secret), Name: name,
		RedirectURIs: redirectURIs, Scopes: scopes, Website: website, CreatedAt: s.now()}
	if err := s.store.CreateApp(ctx, app); err != nil {
		return nil, "", withContext("register app", err)
	}
	return app, secret, nil
}

// normalizeScopes collapses whitespace (and the "+" some clients send in
// query strings) and applies a default.
func normalizeScopes(scopes, def string) string {
	f := strings.Fields(strings.ReplaceAll(scopes, "+", " "))
	if len(f) == 0 {
		return def
	}
	return strings.Join(f, " ")
}

func validateRedirectURIs(uris []string) error {
	if len(uris) == 0 || len(uris) > 10 {
		return Errorf(EINVALID, "redirect_uris must name 1 to 10 URIs")
	}
	for _, raw := range uris {
		if raw == OOBRedirectURI {
			continue
		}
		u, err := url.Parse(raw)
		// Custom schemes (myapp://callback) are how mobile apps receive
		// codes, so any absolute URI is allowed except those that would run
		// script or hide the code in a fragment (RFC 6749 §3.1.2).
		if err != nil || !u.IsAbs() || len(raw) > 2000 || strings.Contains(raw, "#") || isScriptScheme(u.Scheme) {
			return Errorf(EINVALID, "redirect URI %q must be an absolute URI without a fragment, or %s", raw, OOBRedirectURI)
		}
	}
	return nil
}

// isScriptScheme names schemes that a browser would run or read locally
// instead of handing the code to an app.
func isScriptScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "javascript", "data", "vbscript", "file":
		return true
	}
	return false
}

func isHTTPURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(raw) <= 1000
}

// AuthRequestApp finds the app of an authorization request and checks its
// redirect URI. Until both are known good, errors must be shown to the
// person rather than sent to the redirect URI (RFC 6749 §4.1.2.1).
func (s *Service) AuthRequestApp(ctx context.Context, clientID, redirectURI string) (*App, error) {
	unknown := OAuthErrorf(OAuthInvalidClient, "unknown client_id")
	if clientID == "" {
		return nil, unknown
	}
	app, err := s.store.AppByClientID(ctx, clientID)
	if ErrorCode(err) == ENOTFOUND {
		return nil, unknown
	} else if err != nil {
		return nil, withContext("authorization request", err)
	}
	for _, u := range app.RedirectURIs {
		if u == redirectURI {
			return app, nil
		}
	}
	return nil, OAuthErrorf(OAuthInvalidRequest, "redirect_uri is not one registered for this app")
}

// CheckAuthRequest validates the scopes and PKCE parameters of a request for
// app and returns it with defaults applied.
func CheckAuthRequest(app *App, r AuthRequest) (AuthRequest, error) {
	r.Scopes = normalizeScopes(r.Scopes, "read")
	if err := checkScopesWithin(app.Scopes, r.Scopes); err != nil {
		return r, err
	}
	if r.CodeChallenge == "" {
		if r.CodeChallengeMethod != "" {
			return r, OAuthErrorf(OAuthInvalidRequest, "code_challenge_method given without code_challenge")
		}
		return r, nil
	}
	if r.CodeChallengeMethod == "" {
		r.CodeChallengeMethod = "plain" // RFC 7636 §4.3
	}
	if r.CodeChallengeMethod != "S256" && r.CodeChallengeMethod != "plain" {
		return r, OAuthErrorf(OAuthInvalidRequest, "code_challenge_method must be S256 or plain")
	}
	if !validPKCEString(r.CodeChallenge) {
		return r, OAuthErrorf(OAuthInvalidRequest, "code_challenge must be 43 to 128 unreserved characters")
	}
	return r, nil
}

// checkScopesWithin refuses requested scopes the app did not register.
func checkScopesWithin(granted, requested string) error {
	if err := ValidateScopes(requested); err != nil {
		return OAuthErrorf(OAuthInvalidScope, "%s", ErrorMessage(err))
	}
	for _, sc := range strings.Fields(requested) {
		if !ScopeAllows(granted, sc) {
			return OAuthErrorf(OAuthInvalidScope, "scope %q was not registered for this app", sc)
		}
	}
	return nil
}

// validPKCEString checks RFC 7636's 43-128 unreserved characters.
func validPKCEString(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for _, c := range v {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("-._~", c)) {
			return false
		}
	}
	return true
}
