package corkboard

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// App is an OAuth client registered through POST /api/v1/apps.
type App struct {
	ID               int64
	ClientID         string
	ClientSecretHash string
	Name             string
	RedirectURIs     []string
	Scopes           string // space-separated
	Website          string
	CreatedAt        time.Time
}

// AuthCode is a one-time OAuth authorization code (stored hashed).
type AuthCode struct {
	ID                  int64
	CodeHash            string
	AppID               int64
	AccountID           int64
	RedirectURI         string
	Scopes              string
	CodeChallenge       string // PKCE, optional
	CodeChallengeMethod string // "S256" or "plain"
	ExpiresAt           time.Time
	UsedAt              time.Time // zero until exchanged
	CreatedAt           time.Time
}

// Token is an OAuth access token (and its refresh token), stored hashed.
// AppID is 0 for tokens made by the admin CLI; AccountID is 0 for
// client_credentials tokens, which act for an app and no person.
type Token struct {
	ID          int64
	AccessHash  string
	RefreshHash string
	AppID       int64
	AccountID   int64
	AuthCodeID  int64 // the code it came from, so a replayed code revokes it
	Scopes      string
	ExpiresAt   time.Time // zero: never
	RevokedAt   time.Time // zero: live
	CreatedAt   time.Time
}

// OAuthStore persists OAuth apps, codes and tokens.
type OAuthStore interface {
	CreateApp(ctx context.Context, app *App) error
	AppByClientID(ctx context.Context, clientID string) (*App, error)
	AppByID(ctx context.Context, id int64) (*App, error)

	CreateAuthCode(ctx context.Context, c *AuthCode) error
	// UseAuthCode marks a code used and returns it; it returns ECONFLICT if
	// the code was already used (a replay), atomically.
	UseAuthCode(ctx context.Context, codeHash string, now time.Time) (*AuthCode, error)

	CreateToken(ctx context.Context, t *Token) error
	TokenByAccessHash(ctx context.Context, hash string) (*Token, error)
	TokenByRefreshHash(ctx context.Context, hash string) (*Token, error)
	RevokeToken(ctx context.Context, id int64, now time.Time) error
	// RevokeLiveToken revokes a token that is not yet revoked and returns
	// ECONFLICT if it already was, atomically, so that one refresh token
	// cannot be rotated twice by concurrent requests.
	RevokeLiveToken(ctx context.Context, id int64, now time.Time) error
	RevokeTokensFromCode(ctx context.Context, authCodeID int64, now time.Time) error
}

// OOBRedirectURI is the redirect URI of clients that cannot receive a
// redirect: the code is shown to the person, who pastes it into the app.
const OOBRedirectURI = "urn:ietf:wg:oauth:2.0:oob"

// AuthRequest is an OAuth authorization request (RFC 6749 §4.1.1 with the
// PKCE parameters of RFC 7636).
type AuthRequest struct {
	ClientID            string
	RedirectURI         string
	Scopes              string // space-separated; empty means "read"
	CodeChallenge       string
	CodeChallengeMethod string // "S256" or "plain"; empty with a challenge means plain
}

// TokenGrant is what the token endpoint answers: the secrets, shown once.
type TokenGrant struct {
	AccessToken  string
	RefreshToken string // empty for client_credentials grants
	Scopes       string
	CreatedAt    time.Time
	ExpiresIn    int64 // seconds; 0 when the token does not expire
}

// OAuth error names of RFC 6749 §4.1.2.1 and §5.2.
const (
	OAuthInvalidRequest       = "invalid_request"
	OAuthInvalidClient        = "invalid_client"
	OAuthInvalidGrant         = "invalid_grant"
	OAuthUnauthorizedClient   = "unauthorized_client"
	OAuthUnsupportedGrantType = "unsupported_grant_type"
	OAuthInvalidScope         = "invalid_scope"
	OAuthAccessDenied         = "access_denied"
	// OAuthUnsupportedResponseType refuses an authorization request whose
	// response_type is not "code", the only flow Corkboard offers.
	OAuthUnsupportedResponseType = "unsupported_response_type"
)

// OAuthErrorf returns a domain error carrying an RFC 6749 error name. Its
// Code follows from the name, so adapters that know no OAuth still answer
// sensibly.
func OAuthErrorf(name, format string, args ...any) *Error {
	code := EINVALID
	switch name {
	case OAuthInvalidClient:
		code = EUNAUTHORIZED
	case OAuthUnauthorizedClient, OAuthAccessDenied:
		code = EFORBIDDEN
	}
	return &Error{Code: code, OAuth: name, Message: fmt.Sprintf(format, args...)}
}

// OAuthErrorName returns the RFC 6749 error name of the first domain error in
// err's chain, or "" when it has none.
func OAuthErrorName(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.OAuth
	}
	return ""
}
