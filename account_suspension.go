package corkboard

import (
	"context"
	"time"
)

// Suspension is an admin's suspension of an account, kept as a record
// after it is lifted. While it lasts the account is Disabled: a local
// person cannot sign in and nothing of theirs is served; a remote one's
// activities are refused.
type Suspension struct {
	ID            int64
	AccountID     int64
	Reason        string
	SuspendedAt   time.Time
	SuspendedByID int64     // 0: the admin command line
	LiftedAt      time.Time // zero while the suspension lasts
	LiftedByID    int64

	Account     *Account // loaded for display
	SuspendedBy *Account
	LiftedBy    *Account
}

// SuspensionStore persists suspensions.
type SuspensionStore interface {
	// CreateSuspension records a suspension and sets s.ID.
	CreateSuspension(ctx context.Context, s *Suspension) error
	// LiftSuspensions marks the account's lasting suspensions lifted.
	LiftSuspensions(ctx context.Context, accountID int64, at time.Time, byID int64) error
	// ListSuspensions lists suspensions newest first: lasting ones only,
	// or all of them with lifted ones too.
	ListSuspensions(ctx context.Context, all bool, limit int) ([]*Suspension, error)
	// RevokeAccountTokens revokes every live OAuth token of an account.
	RevokeAccountTokens(ctx context.Context, accountID int64, at time.Time) error
}

// ConsoleAdmin is the actor of the admin command line: whoever can run it
// holds the database already. It has no id, so what it does is recorded
// as done "from the command line"; no session or token can resolve to it.
func ConsoleAdmin() *Account {
	return &Account{Username: "console", IsAdmin: true, Approved: true}
}

// checkModerator lets admins (and the command line) moderate.
func checkModerator(by *Account) error {
	if by == nil || !by.IsAdmin || by.Disabled {
		return Errorf(EFORBIDDEN, "only admins can moderate")
	}
	return nil
}
