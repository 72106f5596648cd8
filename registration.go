package corkboard

import (
	"context"
	"time"
)

// RegistrationMode says who may create an account through the sign-up page.
type RegistrationMode string

const (
	RegistrationOpen     RegistrationMode = "open"     // anyone
	RegistrationApproval RegistrationMode = "approval" // anyone may ask; an admin approves
	RegistrationInvite   RegistrationMode = "invite"   // only with an invite code
	RegistrationClosed   RegistrationMode = "closed"   // nobody; admins create accounts
)

// ParseRegistrationMode validates a mode name.
func ParseRegistrationMode(s string) (RegistrationMode, error) {
	switch m := RegistrationMode(s); m {
	case RegistrationOpen, RegistrationApproval, RegistrationInvite, RegistrationClosed:
		return m, nil
	}
	return "", Errorf(EINVALID, "registration mode must be one of open, approval, invite, closed; got %q", s)
}

// Invite lets a person sign up while registration is invite-only.
type Invite struct {
	ID        int64
	Code      string
	CreatedBy int64
	MaxUses   int // 0 means unlimited
	Uses      int
	ExpiresAt time.Time // zero means never
	CreatedAt time.Time
}

// Usable reports whether the invite can still be redeemed at now.
func (i *Invite) Usable(now time.Time) bool {
	if !i.ExpiresAt.IsZero() && now.After(i.ExpiresAt) {
		return false
	}
	return i.MaxUses == 0 || i.Uses < i.MaxUses
}

// SettingsStore keeps instance-wide settings that admins change at run time.
type SettingsStore interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

// InviteStore persists invites.
type InviteStore interface {
	CreateInvite(ctx context.Context, inv *Invite) error
	InviteByCode(ctx context.Context, code string) (*Invite, error)
	// UseInvite increments Uses if the invite is still usable, atomically.
	UseInvite(ctx context.Context, code string, now time.Time) error
	ListInvites(ctx context.Context) ([]*Invite, error)
}

// Setting keys.
const (
	SettingRegistrationMode = "registration_mode"
	SettingSetupTokenHash   = "setup_token_hash"
	SettingInstanceTitle    = "instance_title"
	SettingInstanceDesc     = "instance_description"
)
