package corkboard

import "context"

// FollowState is where a viewer stands with a person or board. A follow
// of someone on another server is Requested until their server accepts.
type FollowState struct {
	Following bool // accepted: their pins come to the viewer's feed
	Requested bool // sent, not accepted yet
}

// Relationship is the viewer's standing with one person, both ways, as
// Mastodon clients show it.
type Relationship struct {
	AccountID int64
	FollowState
	FollowedBy  bool // they follow the viewer (accepted)
	RequestedBy bool // they asked to follow the viewer, who has not answered
	Blocking    bool // the viewer blocks them
	BlockedBy   bool // they block the viewer (here, or told us from their server)
}

// maxRelationships bounds one Relationships call (Mastodon clients ask
// for one page of accounts at a time).
const maxRelationships = 80

// FollowStateOf returns the viewer's follow of a person (accountID) or a
// board (boardID); the zero state for anyone signed out.
func (s *Service) FollowStateOf(ctx context.Context, viewer *Account, accountID, boardID int64) (FollowState, error) {
	if viewer == nil {
		return FollowState{}, nil
	}
	f, err := s.store.FindFollow(ctx, viewer.ID, accountID, boardID)
	switch ErrorCode(err) {
	case "":
		return FollowState{Following: !f.Pending, Requested: f.Pending}, nil
	case ENOTFOUND:
		return FollowState{}, nil
	}
	return FollowState{}, withContext("follow state", err)
}

// FollowStates returns the viewer's follow of each of the people and
// boards named (missing ones are not followed), in one query: a page of
// cards with Follow buttons costs the same however many cards it shows.
func (s *Service) FollowStates(ctx context.Context, viewer *Account, accountIDs, boardIDs []int64) (people, boards map[int64]FollowState, err error) {
	people, boards = map[int64]FollowState{}, map[int64]FollowState{}
	if viewer == nil {
		return people, boards, nil
	}
	fs, err := s.store.FollowsAmong(ctx, viewer.ID, accountIDs, boardIDs)
	if err != nil {
		return nil, nil, withContext("follow states", err)
	}
	for _, f := range fs {
		st := FollowState{Following: !f.Pending, Requested: f.Pending}
		if f.TargetBoardID != 0 {
			boards[f.TargetBoardID] = st
		} else {
			people[f.TargetAccountID] = st
		}
	}
	return people, boards, nil
}

// Relationships returns the viewer's relationships with the accounts
// that exist among ids, in the order asked.
func (s *Service) Relationships(ctx context.Context, viewer *Account, ids []int64) ([]Relationship, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	if len(ids) > maxRelationships {
		ids = ids[:maxRelationships]
	}
	known, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("relationships", err)
	}
	out := make([]Relationship, 0, len(ids))
	for _, id := range ids {
		if known[id] == nil {
			continue
		}
		r, err := s.relationship(ctx, viewer, id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// relationship is one Relationship: the viewer's follow of the account,
// the account's follow of the viewer (accepted or waiting), and blocks
// either way.
func (s *Service) relationship(ctx context.Context, viewer *Account, id int64) (Relationship, error) {
	r := Relationship{AccountID: id}
	var err error
	if r.FollowState, err = s.FollowStateOf(ctx, viewer, id, 0); err != nil {
		return r, err
	}
	back, err := s.FollowStateOf(ctx, &Account{ID: id}, viewer.ID, 0)
	if err != nil {
		return r, err
	}
	r.FollowedBy, r.RequestedBy = back.Following, back.Requested
	if r.Blocking, err = s.store.IsBlocked(ctx, viewer.ID, id); err != nil {
		return r, withContext("relationship", err)
	}
	r.BlockedBy, err = s.store.IsBlocked(ctx, id, viewer.ID)
	return r, withContext("relationship", err)
}
