package corkboard

import "context"

// ListInvites lists the instance's invites, newest first, for admins.
func (s *Service) ListInvites(ctx context.Context) ([]*Invite, error) {
	invs, err := s.store.ListInvites(ctx)
	return invs, withContext("list invites", err)
}
