package corkboard

import (
	"context"
	"strings"
)

// RemoteProfileView is what the page of a person on another server shows:
// who they are, as their server last told us, and what of theirs we hold.
type RemoteProfileView struct {
	Account *Account
	Boards  []*Board // their boards that we know of
	Pins    *Page    // their pins that reached us, newest first
	Follow  FollowState
}

// IsRemoteName reports whether a name from a page address ("bob@host" in
// /@bob@host) names someone on another server rather than "alice" here.
func (s *Service) IsRemoteName(name string) bool {
	_, host, ok := SplitHandle(name)
	return ok && !strings.EqualFold(host, s.localHost())
}

// RemoteProfilePage gathers the page of a person on another server,
// named by handle ("bob@host"). Only what we hold is shown: their pins
// come here by federation, not by fetching their outbox on each view.
func (s *Service) RemoteProfilePage(ctx context.Context, viewer *Account, handle string, before int64, limit int) (*RemoteProfileView, error) {
	a, err := s.RemoteAccount(ctx, viewer, handle)
	if err != nil {
		return nil, err
	}
	v := &RemoteProfileView{Account: a}
	if v.Boards, err = s.Boards(ctx, viewer, a); err != nil {
		return nil, err
	}
	if v.Pins, err = s.AccountPins(ctx, viewer, a.ID, before, limit); err != nil {
		return nil, err
	}
	v.Follow, err = s.FollowStateOf(ctx, viewer, a.ID, 0)
	return v, err
}

// RemoteBoardPage gathers the page of a board on another server, named
// by its owner's handle ("bob@host") and its short name here.
func (s *Service) RemoteBoardPage(ctx context.Context, viewer *Account, owner, slug string, before int64, limit int) (*BoardView, error) {
	user, host, ok := SplitHandle(owner)
	if !ok {
		return nil, Errorf(ENOTFOUND, "board not found")
	}
	_, b, err := s.LookupRemote(ctx, viewer, "@"+user+"."+slug+"@"+host)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, Errorf(ENOTFOUND, "board not found")
	}
	return s.boardView(ctx, viewer, b, before, limit)
}

// HoldsLoosePins reports whether a board is the one we keep for a remote
// person's pins that came without a board of theirs: it is not an actor
// on their server, so it is followed by following the person.
func (b *Board) HoldsLoosePins() bool { return b.IRI != "" && b.Slug == remotePinsSlug }
