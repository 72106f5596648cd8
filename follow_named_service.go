package corkboard

import (
	"context"
	"strings"
)

// FollowNamed follows a person named as in a page address: "alice" here,
// or "bob@host" on another server, whom we look up in our records first
// (a profile page has just shown them) and ask their server only if need be.
func (s *Service) FollowNamed(ctx context.Context, actor *Account, name string) (*Follow, error) {
	if !s.IsRemoteName(name) {
		return s.FollowAccount(ctx, actor, localUsername(name))
	}
	a, err := s.RemoteAccount(ctx, actor, name)
	if err != nil {
		return nil, err
	}
	return s.FollowAccountByID(ctx, actor, a.ID)
}

// UnfollowNamed stops following a person named as in FollowNamed, or
// withdraws a follow their server has not accepted yet.
func (s *Service) UnfollowNamed(ctx context.Context, actor *Account, name string) error {
	if !s.IsRemoteName(name) {
		return s.UnfollowAccount(ctx, actor, localUsername(name))
	}
	a, err := s.RemoteAccount(ctx, actor, name)
	if err != nil {
		return err
	}
	return s.UnfollowAccountByID(ctx, actor, a.ID)
}

// localUsername is "alice" from "alice" or our own handle "alice@host".
func localUsername(name string) string {
	user, _, _ := strings.Cut(strings.TrimPrefix(name, "@"), "@")
	return user
}
