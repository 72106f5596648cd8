package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
)

type sessionRow struct {
	ID         int64
	TokenHash  string
	AccountID  int64
	UserAgent  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// CreateSession inserts a browser session.
func (db *DB) CreateSession(ctx context.Context, s *corkboard.Session) error {
	row := &sessionRow{TokenHash: s.TokenHash, AccountID: s.AccountID, UserAgent: s.UserAgent,
		CreatedAt: s.CreatedAt.UTC(), ExpiresAt: s.ExpiresAt.UTC(), LastSeenAt: s.LastSeenAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create session", "session", err)
	}
	s.ID = row.ID
	return nil
}

// SessionByTokenHash finds a session by the hash of its cookie secret.
func (db *DB) SessionByTokenHash(ctx context.Context, hash string) (*corkboard.Session, error) {
	var r sessionRow
	if err := db.gorm.WithContext(ctx).Where("token_hash = ?", hash).First(&r).Error; err != nil {
		return nil, translate("session", "session", err)
	}
	return &corkboard.Session{ID: r.ID, TokenHash: r.TokenHash, AccountID: r.AccountID, UserAgent: r.UserAgent,
		CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, LastSeenAt: r.LastSeenAt}, nil
}

// DeleteSession removes a session; removing one that is gone is not an error.
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	err := db.gorm.WithContext(ctx).Where("token_hash = ?", hash).Delete(&sessionRow{}).Error
	return translate("delete session", "session", err)
}

// DeleteAccountSessions signs an account out everywhere.
func (db *DB) DeleteAccountSessions(ctx context.Context, accountID int64) error {
	err := db.gorm.WithContext(ctx).Where("account_id = ?", accountID).Delete(&sessionRow{}).Error
	return translate("delete account sessions", "sessions", err)
}
