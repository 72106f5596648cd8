package corkboard

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
)

// AuthorizeCode issues a one-time authorization code after a signed-in
// person consented to r. The request is checked again here, because the
// consent form round-trips it through the browser.
func (s *Service) AuthorizeCode(ctx context.Context, a *Account, r AuthRequest) (string, error) {
	if err := checkCanSignIn(a); err != nil {
		return "", err
	}
	app, err := s.AuthRequestApp(ctx, r.ClientID, r.RedirectURI)
	if err != nil {
		return "", err
	}
	if r, err = CheckAuthRequest(app, r); err != nil {
		return "", err
	}
	code := NewSecret()
	now := s.now()
	c := &AuthCode{CodeHash: HashSecret(code), AppID: app.ID, AccountID: a.ID, RedirectURI: r.RedirectURI,
		Scopes: r.Scopes, CodeChallenge: r.CodeChallenge, CodeChallengeMethod: r.CodeChallengeMethod,
		ExpiresAt: now.Add(s.opts.AuthCodeLifetime), CreatedAt: now}
	if err := s.store.CreateAuthCode(ctx, c); err != nil {
		return "", withContext("authorize code", err)
	}
	return code, nil
}

// ExchangeCode trades an authorization code for tokens (RFC 6749 §4.1.3).
// The code is spent before the other checks, so a code that fails any of
// them cannot be tried again.
func (s *Service) ExchangeCode(ctx context.Context, clientID, clientSecret, code, redirectURI, codeVerifier string) (*TokenGrant, error) {
	app, err := s.authenticateClient(ctx, clientID, clientSecret)
	if err != nil {
		return nil, err
	}
	if code == "" {
		return nil, OAuthErrorf(OAuthInvalidRequest, "code is required")
	}
	c, err := s.useAuthCode(ctx, code)
	if err != nil {
		return nil, err
	}
	switch {
	case c.AppID != app.ID:
		return nil, OAuthErrorf(OAuthInvalidGrant, "the authorization code was issued to another client")
	case !s.now().Before(c.ExpiresAt):
		return nil, OAuthErrorf(OAuthInvalidGrant, "the authorization code has expired")
	case c.RedirectURI != redirectURI:
		return nil, OAuthErrorf(OAuthInvalidGrant, "redirect_uri does not match the authorization request")
	case !verifyPKCE(c, codeVerifier):
		return nil, OAuthErrorf(OAuthInvalidGrant, "code_verifier does not match the code_challenge")
	}
	return s.issueGrant(ctx, &Token{AppID: app.ID, AccountID: c.AccountID, AuthCodeID: c.ID, Scopes: c.Scopes}, true)
}

// useAuthCode spends a code. A replayed code means it leaked: the tokens
// issued from it are revoked, as RFC 6749 §4.1.2 advises.
func (s *Service) useAuthCode(ctx context.Context, code string) (*AuthCode, error) {
	c, err := s.store.UseAuthCode(ctx, HashSecret(code), s.now())
	switch ErrorCode(err) {
	case "":
		return c, nil
	case ENOTFOUND:
		return nil, OAuthErrorf(OAuthInvalidGrant, "the authorization code is invalid")
	case ECONFLICT:
		if err := s.store.RevokeTokensFromCode(ctx, c.ID, s.now()); err != nil {
			return nil, withContext("exchange code: revoke replayed", err)
		}
		return nil, OAuthErrorf(OAuthInvalidGrant, "the authorization code was already used")
	}
	return nil, withContext("exchange code", err)
}

// verifyPKCE checks a code_verifier against the challenge stored with a code.
func verifyPKCE(c *AuthCode, verifier string) bool {
	if c.CodeChallenge == "" {
		// A verifier without a challenge hints at a downgrade attack
		// (OAuth 2.1 §4.1.3), so it is refused rather than ignored.
		return verifier == ""
	}
	if !validPKCEString(verifier) {
		return false
	}
	want := verifier
	if c.CodeChallengeMethod == "S256" {
		sum := sha256.Sum256([]byte(verifier))
		want = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(c.CodeChallenge)) == 1
}
