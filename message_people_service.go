package corkboard

import (
	"context"
	"slices"
	"strings"
)

// MessageSuggestions lists people the viewer is likely to send something
// to, for the Send form's picker: those of their most recent
// conversations first, then people they follow. Nobody twice, never the
// viewer, nobody they block, nobody disabled.
func (s *Service) MessageSuggestions(ctx context.Context, viewer *Account, limit int) ([]*Account, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	limit = clampLimit(limit)
	convs, err := s.store.ListConversations(ctx, viewer.ID, MemberActive, 0, limit)
	if err != nil {
		return nil, withContext("message suggestions", err)
	}
	convIDs := make([]int64, len(convs))
	for i, c := range convs {
		convIDs[i] = c.ID
	}
	members, err := s.store.MembersOf(ctx, convIDs)
	if err != nil {
		return nil, withContext("message suggestions", err)
	}
	var ids []int64
	for _, c := range convs { // most recent conversation first
		for _, m := range members[c.ID] {
			ids = append(ids, m.AccountID)
		}
	}
	follows, err := s.store.ListFollows(ctx, FollowQuery{FollowerID: viewer.ID, Limit: limit})
	if err != nil {
		return nil, withContext("message suggestions", err)
	}
	for _, f := range follows {
		if f.TargetAccountID != 0 {
			ids = append(ids, f.TargetAccountID)
		}
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("message suggestions", err)
	}
	blocked, err := s.store.BlockedAmong(ctx, viewer.ID, ids)
	if err != nil {
		return nil, withContext("message suggestions", err)
	}
	out := make([]*Account, 0, limit)
	seen := map[int64]bool{viewer.ID: true}
	for _, id := range ids {
		a := accounts[id]
		if seen[id] || a == nil || blocked[id] || a.Disabled || !a.Approved {
			continue
		}
		seen[id] = true
		if out = append(out, a); len(out) == limit {
			break
		}
	}
	return slices.Clip(out), nil
}

// PeopleToMessage finds people whose username or name contains q, for the
// Send form's picker as one types: local people and remote people this
// server already knows (a new remote handle is resolved when sending).
func (s *Service) PeopleToMessage(ctx context.Context, viewer *Account, q string, limit int) ([]*Account, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	// "bob@pins.exa" matches bob on hosts starting with pins.exa.
	user, host, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(q), "@"), "@")
	found, err := s.SearchPeople(ctx, user, 4*limit)
	if err != nil {
		return nil, err
	}
	host = strings.ToLower(host)
	ids := make([]int64, len(found))
	for i, a := range found {
		ids[i] = a.ID
	}
	blocked, err := s.store.BlockedAmong(ctx, viewer.ID, ids)
	if err != nil {
		return nil, withContext("people to message", err)
	}
	out := make([]*Account, 0, len(found))
	for _, a := range found {
		if a.ID != viewer.ID && !blocked[a.ID] && strings.HasPrefix(a.Domain, host) && len(out) < clampLimit(limit) {
			out = append(out, a)
		}
	}
	return out, nil
}
