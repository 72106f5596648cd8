package corkboard

import (
	"context"
	"strings"
)

// Scopes Corkboard grants; "read" and "write" cover their "read:..." and
// "write:..." sub-scopes as on Mastodon.
const DefaultScopes = "read write follow push"

// TokenInfo is what an access token resolves to.
type TokenInfo struct {
	Token   *Token
	Account *Account // nil for client_credentials tokens
	App     *App     // nil for tokens made by the admin CLI
}

// IssueToken makes a token for a local account without an OAuth app (the
// admin CLI's "token" command). It returns the secret, shown only once.
func (s *Service) IssueToken(ctx context.Context, a *Account, scopes string) (string, error) {
	if err := checkCanSignIn(a); err != nil {
		return "", err
	}
	if scopes == "" {
		scopes = DefaultScopes
	}
	if err := ValidateScopes(scopes); err != nil {
		return "", err
	}
	secret := NewSecret()
	t := &Token{AccessHash: HashSecret(secret), AccountID: a.ID, Scopes: scopes, CreatedAt: s.now()}
	if s.opts.TokenLifetime > 0 {
		t.ExpiresAt = t.CreatedAt.Add(s.opts.TokenLifetime)
	}
	if err := s.store.CreateToken(ctx, t); err != nil {
		return "", withContext("issue token", err)
	}
	return secret, nil
}

// ResolveToken checks a bearer token and returns what it stands for.
// Unknown, expired and revoked tokens are all EUNAUTHORIZED.
func (s *Service) ResolveToken(ctx context.Context, secret string) (*TokenInfo, error) {
	invalid := Errorf(EUNAUTHORIZED, "the access token is invalid")
	if secret == "" {
		return nil, invalid
	}
	t, err := s.store.TokenByAccessHash(ctx, HashSecret(secret))
	if ErrorCode(err) == ENOTFOUND {
		return nil, invalid
	} else if err != nil {
		return nil, withContext("resolve token", err)
	}
	if !t.RevokedAt.IsZero() {
		return nil, Errorf(EUNAUTHORIZED, "the access token was revoked")
	}
	if !t.ExpiresAt.IsZero() && !s.now().Before(t.ExpiresAt) {
		return nil, Errorf(EUNAUTHORIZED, "the access token has expired")
	}
	info := &TokenInfo{Token: t}
	if t.AccountID != 0 {
		if info.Account, err = s.store.AccountByID(ctx, t.AccountID); err != nil {
			return nil, withContext("resolve token: account", err)
		}
		if err := checkCanSignIn(info.Account); err != nil {
			return nil, err
		}
	}
	if t.AppID != 0 {
		if info.App, err = s.store.AppByID(ctx, t.AppID); err != nil {
			return nil, withContext("resolve token: app", err)
		}
	}
	return info, nil
}

var knownScopes = map[string]bool{"read": true, "write": true, "follow": true, "push": true, "profile": true, "admin:read": true, "admin:write": true}

// ValidateScopes accepts Mastodon's scopes and their "read:x"/"write:x" forms.
func ValidateScopes(scopes string) error {
	for _, sc := range strings.Fields(scopes) {
		base := sc
		if i := strings.IndexByte(sc, ':'); i > 0 && (sc[:i] == "read" || sc[:i] == "write") {
			base = sc[:i]
		}
		if !knownScopes[base] {
			return Errorf(EINVALID, "unknown scope %q", sc)
		}
	}
	return nil
}

// ScopeAllows reports whether granted (space-separated) covers needed:
// "read" covers "read:accounts", and "follow" is covered by "read write".
func ScopeAllows(granted, needed string) bool {
	for _, g := range strings.Fields(granted) {
		if g == needed || strings.HasPrefix(needed, g+":") {
			return true
		}
	}
	return false
}
