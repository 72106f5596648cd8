package corkboard

import (
	"context"
	"strings"
)

// CreateAccount creates a local account; admins and the CLI use it directly,
// sign-ups go through SignUp, which applies the registration mode first.
func (s *Service) CreateAccount(ctx context.Context, na NewAccount) (*Account, error) {
	na.Username = strings.TrimSpace(na.Username)
	if err := ValidateUsername(na.Username); err != nil {
		return nil, err
	}
	if err := ValidatePassword(na.Password); err != nil {
		return nil, err
	}
	if na.Email != "" && !looksLikeEmail(na.Email) {
		return nil, Errorf(EINVALID, "email address %q does not look valid", na.Email)
	}
	hash, err := s.hasher.Hash(na.Password)
	if err != nil {
		return nil, withContext("create account: hash password", err)
	}
	now := s.now()
	a := &Account{
		Username: na.Username, DisplayName: strings.TrimSpace(na.DisplayName), Email: strings.TrimSpace(na.Email),
		IsAdmin: na.IsAdmin, Approved: na.Approved, SignupNote: na.SignupNote,
		CreatedAt: now, UpdatedAt: now,
	}
	if err := s.store.CreateAccount(ctx, a, hash); err != nil {
		return nil, withContext("create account", err)
	}
	return a, nil
}

func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n<>")
}

// Authenticate checks a username and password. A wrong username and a wrong
// password give the same error so that usernames cannot be probed.
func (s *Service) Authenticate(ctx context.Context, username, password string) (*Account, error) {
	wrong := Errorf(EUNAUTHORIZED, "wrong username or password")
	a, err := s.store.AccountByUsername(ctx, strings.ToLower(strings.TrimSpace(username)))
	if ErrorCode(err) == ENOTFOUND {
		// Spend the time a real comparison takes, so that a wrong username
		// cannot be told from a wrong password by timing.
		_ = s.hasher.Compare(s.dummyHash(), password)
		return nil, wrong
	} else if err != nil {
		return nil, withContext("authenticate", err)
	}
	hash, err := s.store.PasswordHash(ctx, a.ID)
	if err != nil {
		return nil, withContext("authenticate", err)
	}
	if err := s.hasher.Compare(hash, password); err != nil {
		return nil, wrong
	}
	if err := checkCanSignIn(a); err != nil {
		return nil, err
	}
	return a, nil
}

// checkCanSignIn refuses disabled accounts and sign-ups awaiting approval.
func checkCanSignIn(a *Account) error {
	if a.Disabled {
		return Errorf(EFORBIDDEN, "this account is disabled")
	}
	if !a.Approved {
		return Errorf(EFORBIDDEN, "your sign-up is waiting for an admin's approval")
	}
	return nil
}

// SetPassword changes a local account's password and ends its sessions, so a
// stolen session does not survive a password reset.
func (s *Service) SetPassword(ctx context.Context, username, password string) error {
	if err := ValidatePassword(password); err != nil {
		return err
	}
	a, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return withContext("set password", err)
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return withContext("set password: hash", err)
	}
	if err := s.store.SetPasswordHash(ctx, a.ID, hash); err != nil {
		return withContext("set password", err)
	}
	return withContext("set password: end sessions", s.store.DeleteAccountSessions(ctx, a.ID))
}

// Account returns a local account by username.
func (s *Service) Account(ctx context.Context, username string) (*Account, error) {
	a, err := s.store.AccountByUsername(ctx, strings.ToLower(username))
	return a, withContext("account "+username, err)
}

// AccountByID returns an account by id.
func (s *Service) AccountByID(ctx context.Context, id int64) (*Account, error) {
	a, err := s.store.AccountByID(ctx, id)
	return a, withContext("account by id", err)
}

// ListAccounts lists accounts for admins.
func (s *Service) ListAccounts(ctx context.Context, f AccountFilter) ([]*Account, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 1000
	}
	as, err := s.store.ListAccounts(ctx, f)
	return as, withContext("list accounts", err)
}

// ApproveAccount lets a pending sign-up in.
func (s *Service) ApproveAccount(ctx context.Context, username string) error {
	a, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return withContext("approve account", err)
	}
	a.Approved = true
	a.UpdatedAt = s.now()
	return withContext("approve account", s.store.UpdateAccount(ctx, a))
}

// RejectAccount turns down a pending sign-up. The account is deleted, not
// disabled: it never signed in nor federated, so nothing refers to it and
// its username is free to be taken again.
func (s *Service) RejectAccount(ctx context.Context, username string) error {
	username = strings.ToLower(strings.TrimSpace(username))
	a, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return withContext("reject account", err)
	}
	if a.Approved {
		return Errorf(ECONFLICT, "@%s is not waiting for approval", username)
	}
	return withContext("reject account", s.store.DeletePendingAccount(ctx, username))
}

// UpdateProfile changes the signed-in person's display name and bio.
func (s *Service) UpdateProfile(ctx context.Context, a *Account, displayName, bio string) error {
	displayName, bio = strings.TrimSpace(displayName), strings.TrimSpace(bio)
	if len([]rune(displayName)) > 100 {
		return Errorf(EINVALID, "display name must be at most 100 characters")
	}
	if len([]rune(bio)) > 1000 {
		return Errorf(EINVALID, "bio must be at most 1000 characters")
	}
	a.DisplayName, a.Bio, a.UpdatedAt = displayName, bio, s.now()
	return withContext("update profile", s.store.InTx(ctx, func(tx Store) error {
		if err := tx.UpdateAccount(ctx, a); err != nil {
			return err
		}
		return s.fed.ProfileUpdated(ctx, tx, a)
	}))
}
