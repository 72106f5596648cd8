package corkboard

import (
	"context"
	"strings"
)

// FollowRemote follows a remote person or board named by handle
// ("@bob@host", "@bob.recipes@host") or actor URL: it is fetched and
// stored first if need be, then followed like any other (pending until
// its server accepts).
func (s *Service) FollowRemote(ctx context.Context, actor *Account, handle string) (*Follow, error) {
	a, b, err := s.resolveRemote(ctx, actor, handle)
	if err != nil {
		return nil, err
	}
	if b != nil {
		return s.FollowBoard(ctx, actor, b.ID)
	}
	return s.FollowAccountByID(ctx, actor, a.ID)
}

// UnfollowRemote stops following a remote person or board named by
// handle or actor URL.
func (s *Service) UnfollowRemote(ctx context.Context, actor *Account, handle string) error {
	a, b, err := s.resolveRemote(ctx, actor, handle)
	if err != nil {
		return err
	}
	if b != nil {
		return s.UnfollowBoard(ctx, actor, b.ID)
	}
	return s.UnfollowAccountByID(ctx, actor, a.ID)
}

// resolveRemote finds what a handle names: exactly one of account and
// board is set. An actor URL may name either; a person is tried first.
func (s *Service) resolveRemote(ctx context.Context, actor *Account, handle string) (*Account, *Board, error) {
	if actor == nil {
		return nil, nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	if s.remote == nil {
		return nil, nil, Errorf(EUNSUPPORTED, "this server does not federate")
	}
	handle = strings.TrimSpace(handle)
	if IsBoardHandle(handle) {
		b, err := s.remote.ResolveBoard(ctx, handle)
		return nil, b, withContext("resolve board", err)
	}
	a, err := s.remote.ResolveAccount(ctx, handle)
	if err == nil {
		return a, nil, nil
	}
	if _, _, isHandle := SplitHandle(handle); isHandle || ErrorCode(err) == EINTERNAL {
		return nil, nil, withContext("resolve account", err)
	}
	b, berr := s.remote.ResolveBoard(ctx, handle)
	if berr != nil {
		return nil, nil, withContext("resolve account", err) // the person error says more
	}
	return nil, b, nil
}
