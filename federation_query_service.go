package corkboard

import (
	"context"
	"time"
)

// NodeUsage is what NodeInfo reports about an instance's use.
type NodeUsage struct {
	Users          int64
	ActiveMonth    int64 // signed in or pinned in the last 30 days
	ActiveHalfyear int64 // ... in the last 180 days
	LocalPosts     int64 // public pins made here
}

// NodeUsage counts users and pins for NodeInfo.
func (s *Service) NodeUsage(ctx context.Context) (*NodeUsage, error) {
	var u NodeUsage
	var err error
	if u.Users, err = s.store.CountLocalAccounts(ctx); err != nil {
		return nil, withContext("node usage: users", err)
	}
	now := s.now()
	if u.ActiveMonth, err = s.store.CountActiveAccounts(ctx, now.AddDate(0, 0, -30)); err != nil {
		return nil, withContext("node usage: active month", err)
	}
	if u.ActiveHalfyear, err = s.store.CountActiveAccounts(ctx, now.AddDate(0, 0, -180)); err != nil {
		return nil, withContext("node usage: active half-year", err)
	}
	if u.LocalPosts, err = s.store.CountPublicPins(ctx, 0, 0); err != nil {
		return nil, withContext("node usage: local posts", err)
	}
	return &u, nil
}

// QueueCounts counts background jobs by queue and state, with the jobs
// completed in the last day, for admins.
func (s *Service) QueueCounts(ctx context.Context) ([]QueueCount, error) {
	counts, err := s.store.QueueCounts(ctx, s.now().Add(-24*time.Hour))
	return counts, withContext("queue counts", err)
}

// TroubledHosts lists the remote hosts that deliveries are failing to
// reach, or that are marked unavailable, for admins.
func (s *Service) TroubledHosts(ctx context.Context) ([]*HostHealth, error) {
	hosts, err := s.store.ListHostHealth(ctx, false)
	if err != nil {
		return nil, withContext("troubled hosts", err)
	}
	out := hosts[:0]
	for _, h := range hosts {
		if h.Failures > 0 || !h.UnavailableSince.IsZero() {
			out = append(out, h)
		}
	}
	return out, nil
}
