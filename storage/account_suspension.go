package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

// suspensionRow maps the account_suspensions table (migration 0009).
type suspensionRow struct {
	ID            int64
	AccountID     int64
	Reason        string
	SuspendedAt   time.Time
	SuspendedByID *int64
	LiftedAt      *time.Time
	LiftedByID    *int64
}

func (suspensionRow) TableName() string { return "account_suspensions" }

func (r *suspensionRow) domain() *corkboard.Suspension {
	return &corkboard.Suspension{ID: r.ID, AccountID: r.AccountID, Reason: r.Reason, SuspendedAt: r.SuspendedAt,
		SuspendedByID: deref(r.SuspendedByID), LiftedAt: derefTime(r.LiftedAt), LiftedByID: deref(r.LiftedByID)}
}

// CreateSuspension records a suspension.
func (db *DB) CreateSuspension(ctx context.Context, s *corkboard.Suspension) error {
	row := &suspensionRow{AccountID: s.AccountID, Reason: s.Reason, SuspendedAt: s.SuspendedAt.UTC(),
		SuspendedByID: optionalID(s.SuspendedByID)}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create suspension", "suspension", err)
	}
	s.ID = row.ID
	return nil
}

// LiftSuspensions marks an account's lasting suspensions lifted.
func (db *DB) LiftSuspensions(ctx context.Context, accountID int64, at time.Time, byID int64) error {
	err := db.gorm.WithContext(ctx).Model(&suspensionRow{}).Where("account_id = ? AND lifted_at IS NULL", accountID).
		Updates(map[string]any{"lifted_at": at.UTC(), "lifted_by_id": optionalID(byID)}).Error
	return translate("lift suspensions", "suspension", err)
}

// ListSuspensions lists suspensions newest first.
func (db *DB) ListSuspensions(ctx context.Context, all bool, limit int) ([]*corkboard.Suspension, error) {
	q := db.gorm.WithContext(ctx).Order("id DESC").Limit(limit)
	if !all {
		q = q.Where("lifted_at IS NULL")
	}
	var rows []suspensionRow
	err := q.Find(&rows).Error
	out := make([]*corkboard.Suspension, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list suspensions", "suspensions", err)
}

// RevokeAccountTokens revokes an account's live OAuth tokens.
func (db *DB) RevokeAccountTokens(ctx context.Context, accountID int64, at time.Time) error {
	err := db.gorm.WithContext(ctx).Model(&oauthTokenRow{}).Where("account_id = ? AND revoked_at IS NULL", accountID).
		Update("revoked_at", gorm.Expr("?", at.UTC())).Error
	return translate("revoke account tokens", "tokens", err)
}
