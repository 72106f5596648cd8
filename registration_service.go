package corkboard

import (
	"context"
	"crypto/subtle"
	"strings"
	"time"
)

// SignUpRequest is what a person fills in on the sign-up page.
type SignUpRequest struct {
	Username   string
	Password   string
	Email      string
	InviteCode string
	Reason     string // shown to admins in approval mode
}

// RegistrationMode returns the instance's current mode (default approval:
// safest for a server whose admin has not chosen yet).
func (s *Service) RegistrationMode(ctx context.Context) (RegistrationMode, error) {
	v, ok, err := s.store.Setting(ctx, SettingRegistrationMode)
	if err != nil {
		return "", withContext("registration mode", err)
	}
	if !ok {
		return RegistrationApproval, nil
	}
	return ParseRegistrationMode(v)
}

// SetRegistrationMode changes who may sign up.
func (s *Service) SetRegistrationMode(ctx context.Context, m RegistrationMode) error {
	if _, err := ParseRegistrationMode(string(m)); err != nil {
		return err
	}
	return withContext("set registration mode", s.store.SetSetting(ctx, SettingRegistrationMode, string(m)))
}

// SignUp creates an account according to the registration mode. In approval
// mode the account exists but cannot sign in until an admin approves it.
func (s *Service) SignUp(ctx context.Context, r SignUpRequest) (*Account, error) {
	mode, err := s.RegistrationMode(ctx)
	if err != nil {
		return nil, err
	}
	na := NewAccount{Username: strings.ToLower(strings.TrimSpace(r.Username)), Password: r.Password, Email: r.Email, Approved: true}
	switch mode {
	case RegistrationClosed:
		return nil, Errorf(EFORBIDDEN, "registration is closed on this server")
	case RegistrationApproval:
		na.Approved = false
		na.SignupNote = strings.TrimSpace(r.Reason)
		if len(na.SignupNote) > 1000 {
			return nil, Errorf(EINVALID, "the reason must be at most 1000 characters")
		}
	case RegistrationInvite:
		if err := s.checkInvite(ctx, r.InviteCode); err != nil {
			return nil, err
		}
	}
	a, err := s.CreateAccount(ctx, na)
	if err != nil {
		return nil, err
	}
	if mode == RegistrationInvite {
		// Counted after the account exists so a failed sign-up does not
		// spend a use; UseInvite re-checks atomically against races.
		if err := s.store.UseInvite(ctx, r.InviteCode, s.now()); err != nil {
			return nil, withContext("sign up: use invite", err)
		}
	}
	return a, nil
}

func (s *Service) checkInvite(ctx context.Context, code string) error {
	if code == "" {
		return Errorf(EFORBIDDEN, "this server is invite-only: an invite code is required")
	}
	inv, err := s.store.InviteByCode(ctx, code)
	if ErrorCode(err) == ENOTFOUND {
		return Errorf(EFORBIDDEN, "this invite code is not valid")
	} else if err != nil {
		return withContext("check invite", err)
	}
	if !inv.Usable(s.now()) {
		return Errorf(EFORBIDDEN, "this invite code has expired or been used up")
	}
	return nil
}

// CreateInvite makes an invite code; maxUses 0 is unlimited, ttl 0 never expires.
func (s *Service) CreateInvite(ctx context.Context, by *Account, maxUses int, ttl time.Duration) (*Invite, error) {
	if maxUses < 0 {
		return nil, Errorf(EINVALID, "max uses must not be negative")
	}
	now := s.now()
	inv := &Invite{Code: NewSecret()[:16], MaxUses: maxUses, CreatedAt: now}
	if by != nil {
		inv.CreatedBy = by.ID
	}
	if ttl > 0 {
		inv.ExpiresAt = now.Add(ttl)
	}
	return inv, withContext("create invite", s.store.CreateInvite(ctx, inv))
}

// NeedsSetup reports whether the instance has no account yet.
func (s *Service) NeedsSetup(ctx context.Context) (bool, error) {
	n, err := s.store.CountLocalAccounts(ctx)
	return n == 0, withContext("needs setup", err)
}

// NewSetupToken makes the one-time secret with which the first visitor
// creates the admin account. A new token replaces any earlier one.
func (s *Service) NewSetupToken(ctx context.Context) (string, error) {
	secret := NewSecret()
	return secret, withContext("new setup token", s.store.SetSetting(ctx, SettingSetupTokenHash, HashSecret(secret)))
}

// CheckSetupToken verifies a setup secret without using it.
func (s *Service) CheckSetupToken(ctx context.Context, secret string) error {
	need, err := s.NeedsSetup(ctx)
	if err != nil {
		return err
	}
	if !need {
		return Errorf(EFORBIDDEN, "this server is already set up")
	}
	want, ok, err := s.store.Setting(ctx, SettingSetupTokenHash)
	if err != nil {
		return withContext("check setup token", err)
	}
	if !ok || want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(HashSecret(secret))) != 1 {
		return Errorf(EFORBIDDEN, "this setup link is not valid; use the one in the server log")
	}
	return nil
}

// CompleteSetup creates the first admin account with the setup secret and
// spends the secret.
func (s *Service) CompleteSetup(ctx context.Context, secret string, na NewAccount) (*Account, error) {
	if err := s.CheckSetupToken(ctx, secret); err != nil {
		return nil, err
	}
	na.IsAdmin, na.Approved = true, true
	a, err := s.CreateAccount(ctx, na)
	if err != nil {
		return nil, err
	}
	return a, withContext("complete setup", s.store.SetSetting(ctx, SettingSetupTokenHash, ""))
}
