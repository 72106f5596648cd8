package corkboard

import (
	"context"
	"time"
)

// Session is a signed-in browser. The cookie holds a random secret; the
// database holds only its hash.
type Session struct {
	ID         int64
	TokenHash  string
	AccountID  int64
	UserAgent  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
}

// SessionStore persists browser sessions.
type SessionStore interface {
	CreateSession(ctx context.Context, s *Session) error
	SessionByTokenHash(ctx context.Context, hash string) (*Session, error)
	DeleteSession(ctx context.Context, hash string) error
	DeleteAccountSessions(ctx context.Context, accountID int64) error
}

// CreateSession signs an account in and returns the secret for its cookie.
func (s *Service) CreateSession(ctx context.Context, a *Account, userAgent string) (string, error) {
	if err := checkCanSignIn(a); err != nil {
		return "", err
	}
	secret := NewSecret()
	now := s.now()
	if len(userAgent) > 255 {
		userAgent = userAgent[:255]
	}
	sess := &Session{
		TokenHash: HashSecret(secret), AccountID: a.ID, UserAgent: userAgent,
		CreatedAt: now, ExpiresAt: now.Add(s.opts.SessionLifetime), LastSeenAt: now,
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return "", withContext("create session", err)
	}
	return secret, nil
}

// SessionAccount resolves a session cookie's secret to its account. Expired
// sessions, and sessions of accounts that can no longer sign in, are refused.
func (s *Service) SessionAccount(ctx context.Context, secret string) (*Account, error) {
	if secret == "" {
		return nil, Errorf(EUNAUTHORIZED, "not signed in")
	}
	sess, err := s.store.SessionByTokenHash(ctx, HashSecret(secret))
	if ErrorCode(err) == ENOTFOUND {
		return nil, Errorf(EUNAUTHORIZED, "not signed in")
	} else if err != nil {
		return nil, withContext("session", err)
	}
	if !s.now().Before(sess.ExpiresAt) {
		return nil, Errorf(EUNAUTHORIZED, "your session has expired; sign in again")
	}
	a, err := s.store.AccountByID(ctx, sess.AccountID)
	if err != nil {
		return nil, withContext("session account", err)
	}
	if err := checkCanSignIn(a); err != nil {
		return nil, err
	}
	return a, nil
}

// EndSession signs a browser out.
func (s *Service) EndSession(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return withContext("end session", s.store.DeleteSession(ctx, HashSecret(secret)))
}
