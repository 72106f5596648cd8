package corkboard

import (
	"context"
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
	RevokeTokensFromCode(ctx context.Context, authCodeID int64, now time.Time) error
}
