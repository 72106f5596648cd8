package corkboard

import (
	"context"
	"crypto/subtle"
)

// ClientCredentials issues a token that acts for the app itself and no
// person (RFC 6749 §4.4); Mastodon clients use one to sign people up.
// Per §4.4.3 it comes without a refresh token.
func (s *Service) ClientCredentials(ctx context.Context, clientID, clientSecret, scopes string) (*TokenGrant, error) {
	app, err := s.authenticateClient(ctx, clientID, clientSecret)
	if err != nil {
		return nil, err
	}
	scopes = normalizeScopes(scopes, "read")
	if err := checkScopesWithin(app.Scopes, scopes); err != nil {
		return nil, err
	}
	return s.issueGrant(ctx, &Token{AppID: app.ID, Scopes: scopes}, false)
}

// Refresh rotates a refresh token: the old token is revoked and a new
// access and refresh pair with the same scopes, account and app is issued.
func (s *Service) Refresh(ctx context.Context, clientID, clientSecret, refreshToken string) (*TokenGrant, error) {
	app, err := s.authenticateClient(ctx, clientID, clientSecret)
	if err != nil {
		return nil, err
	}
	invalid := OAuthErrorf(OAuthInvalidGrant, "the refresh token is invalid")
	if refreshToken == "" {
		return nil, OAuthErrorf(OAuthInvalidRequest, "refresh_token is required")
	}
	old, err := s.store.TokenByRefreshHash(ctx, HashSecret(refreshToken))
	if ErrorCode(err) == ENOTFOUND {
		return nil, invalid
	} else if err != nil {
		return nil, withContext("refresh token", err)
	}
	if old.AppID != app.ID || !old.RevokedAt.IsZero() {
		return nil, invalid
	}
	// Revoking first and conditionally means that of two concurrent
	// refreshes with the same token only one gets a new pair.
	if err := s.store.RevokeLiveToken(ctx, old.ID, s.now()); ErrorCode(err) == ECONFLICT {
		return nil, invalid
	} else if err != nil {
		return nil, withContext("refresh token: revoke old", err)
	}
	next := &Token{AppID: app.ID, AccountID: old.AccountID, AuthCodeID: old.AuthCodeID, Scopes: old.Scopes}
	return s.issueGrant(ctx, next, true)
}

// RevokeToken revokes an access or refresh token of the calling app. As
// RFC 7009 §2.2 asks, an unknown token (or another app's) is no error: the
// answer must not tell a caller which tokens exist.
func (s *Service) RevokeToken(ctx context.Context, clientID, clientSecret, token string) error {
	app, err := s.authenticateClient(ctx, clientID, clientSecret)
	if err != nil {
		return err
	}
	if token == "" {
		return OAuthErrorf(OAuthInvalidRequest, "token is required")
	}
	t, err := s.store.TokenByAccessHash(ctx, HashSecret(token))
	if ErrorCode(err) == ENOTFOUND {
		t, err = s.store.TokenByRefreshHash(ctx, HashSecret(token))
	}
	if ErrorCode(err) == ENOTFOUND {
		return nil
	} else if err != nil {
		return withContext("revoke token", err)
	}
	if t.AppID != app.ID {
		return nil
	}
	return withContext("revoke token", s.store.RevokeToken(ctx, t.ID, s.now()))
}

// authenticateClient checks an app's credentials. The secret's hash is
// compared in constant time so that timing reveals nothing of it.
func (s *Service) authenticateClient(ctx context.Context, clientID, clientSecret string) (*App, error) {
	invalid := OAuthErrorf(OAuthInvalidClient, "client authentication failed")
	if clientID == "" || clientSecret == "" {
		return nil, invalid
	}
	app, err := s.store.AppByClientID(ctx, clientID)
	if ErrorCode(err) == ENOTFOUND {
		return nil, invalid
	} else if err != nil {
		return nil, withContext("authenticate client", err)
	}
	if subtle.ConstantTimeCompare([]byte(HashSecret(clientSecret)), []byte(app.ClientSecretHash)) != 1 {
		return nil, invalid
	}
	return app, nil
}

// issueGrant completes t with fresh secrets, times and lifetime, stores it
// and returns the secrets.
func (s *Service) issueGrant(ctx context.Context, t *Token, withRefresh bool) (*TokenGrant, error) {
	g := &TokenGrant{AccessToken: NewSecret(), Scopes: t.Scopes, CreatedAt: s.now()}
	t.AccessHash, t.CreatedAt = HashSecret(g.AccessToken), g.CreatedAt
	if withRefresh {
		g.RefreshToken = NewSecret()
		t.RefreshHash = HashSecret(g.RefreshToken)
	}
	if s.opts.TokenLifetime > 0 {
		t.ExpiresAt = g.CreatedAt.Add(s.opts.TokenLifetime)
		g.ExpiresIn = int64(s.opts.TokenLifetime.Seconds())
	}
	if err := s.store.CreateToken(ctx, t); err != nil {
		return nil, withContext("issue token", err)
	}
	return g, nil
}
