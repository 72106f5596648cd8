package corkboard

import (
	"context"
	"strings"
)

// SuspendAccount suspends an account, as Mastodon's admins do, without
// deleting it. A local person is signed out everywhere at once (sessions
// deleted, OAuth tokens revoked), cannot sign in, and their profile,
// boards, pins, feed and actor are no longer served; everything stays
// stored for an unsuspension. A remote person's activities are refused
// from now on, and what they brought (follows both ways, boards, pins,
// likes, comments) is removed, as a domain suspension does. No Delete is
// federated: Mastodon sends one only when an account is deleted for good.
func (s *Service) SuspendAccount(ctx context.Context, by *Account, accountID int64, reason string) (*Account, error) {
	if err := checkModerator(by); err != nil {
		return nil, err
	}
	a, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return nil, withContext("suspend account", err)
	}
	switch {
	case a.ID == by.ID:
		return nil, Errorf(EINVALID, "you cannot suspend yourself")
	case a.IsAdmin:
		return nil, Errorf(EINVALID, "@%s is an admin; an admin cannot be suspended", a.Acct())
	case a.Disabled:
		return nil, Errorf(ECONFLICT, "@%s is already suspended", a.Acct())
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx Store) error {
		a.Disabled, a.UpdatedAt = true, now
		if err := tx.UpdateAccount(ctx, a); err != nil {
			return err
		}
		sus := &Suspension{AccountID: a.ID, Reason: truncate(reason, 1000), SuspendedAt: now, SuspendedByID: by.ID}
		if err := tx.CreateSuspension(ctx, sus); err != nil {
			return err
		}
		if !a.IsLocal() {
			return nil
		}
		if err := tx.DeleteAccountSessions(ctx, a.ID); err != nil {
			return err
		}
		return tx.RevokeAccountTokens(ctx, a.ID, now)
	})
	if err == nil && !a.IsLocal() {
		// Its own transaction, as for a domain suspension: the refusal
		// already holds if the purge fails, and an admin can retry it.
		err = s.PurgeRemoteAccount(ctx, a.ID)
	}
	return a, withContext("suspend account", err)
}

// UnsuspendAccount lifts an account's suspension. A local person can sign
// in again and their pages come back; a remote person's activities are
// accepted again, but what their suspension removed stays removed.
func (s *Service) UnsuspendAccount(ctx context.Context, by *Account, accountID int64) (*Account, error) {
	if err := checkModerator(by); err != nil {
		return nil, err
	}
	a, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return nil, withContext("unsuspend account", err)
	}
	if !a.Disabled {
		return nil, Errorf(ECONFLICT, "@%s is not suspended", a.Acct())
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx Store) error {
		a.Disabled, a.UpdatedAt = false, now
		if err := tx.UpdateAccount(ctx, a); err != nil {
			return err
		}
		return tx.LiftSuspensions(ctx, a.ID, now, by.ID)
	})
	return a, withContext("unsuspend account", err)
}

// Suspensions lists suspensions newest first, lasting ones only unless
// all, with their accounts and admins loaded.
func (s *Service) Suspensions(ctx context.Context, by *Account, all bool, limit int) ([]*Suspension, error) {
	if err := checkModerator(by); err != nil {
		return nil, err
	}
	ss, err := s.store.ListSuspensions(ctx, all, clampLimit(limit))
	if err != nil {
		return nil, withContext("suspensions", err)
	}
	ids := make([]int64, 0, 3*len(ss))
	for _, x := range ss {
		ids = append(ids, x.AccountID, x.SuspendedByID, x.LiftedByID)
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	for _, x := range ss {
		x.Account, x.SuspendedBy, x.LiftedBy = accounts[x.AccountID], accounts[x.SuspendedByID], accounts[x.LiftedByID]
	}
	return ss, withContext("suspensions", err)
}

// AccountByHandle finds an account we know by its handle, "@alice" or
// "@bob@remote.example" (the @ in front is optional). Remote accounts are
// not fetched: only someone we have heard of can be moderated.
func (s *Service) AccountByHandle(ctx context.Context, handle string) (*Account, error) {
	user, host, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(handle), "@"), "@")
	user, host = strings.ToLower(user), strings.ToLower(host)
	if user == "" {
		return nil, Errorf(EINVALID, "give an account as @user or @user@host")
	}
	var a *Account
	var err error
	if host == "" || strings.EqualFold(host, s.localHost()) {
		a, err = s.store.AccountByUsername(ctx, user)
	} else {
		a, err = s.store.RemoteAccountByAcct(ctx, user, host)
	}
	if ErrorCode(err) == ENOTFOUND {
		return nil, Errorf(ENOTFOUND, "no account @%s is known here", strings.TrimSuffix(user+"@"+host, "@"))
	}
	return a, withContext("account by handle", err)
}
