package corkboard

import (
	"context"
	"time"
)

// Follow requests: a person who approves followers by hand (Mastodon's
// "locked") sees who asks, and accepts or refuses each. Mastodon's
// :id for a request is the asking account's id, so these take that.

// maxFollowRequestPage bounds one page of follow requests.
const maxFollowRequestPage = 80

// FollowRequests lists the follows waiting for the viewer's answer,
// newest first, before a follow id (0: from the newest), with who asks
// loaded.
func (s *Service) FollowRequests(ctx context.Context, viewer *Account, before int64, limit int) ([]FollowRequest, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	fs, err := s.store.ListFollowRequests(ctx, viewer.ID, before, min(clampLimit(limit), maxFollowRequestPage))
	if err != nil {
		return nil, withContext("follow requests", err)
	}
	return s.withFollowers(ctx, s.store, fs)
}

// withFollowers pairs follows with their followers, in one query.
func (s *Service) withFollowers(ctx context.Context, st Store, fs []*Follow) ([]FollowRequest, error) {
	ids := make([]int64, len(fs))
	for i, f := range fs {
		ids[i] = f.FollowerID
	}
	accounts, err := st.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("follow request accounts", err)
	}
	out := make([]FollowRequest, 0, len(fs))
	for _, f := range fs {
		if from := accounts[f.FollowerID]; from != nil {
			out = append(out, FollowRequest{Follow: f, From: from})
		}
	}
	return out, nil
}

// CountFollowRequests counts the follows waiting for the viewer's answer.
func (s *Service) CountFollowRequests(ctx context.Context, viewer *Account) (int64, error) {
	if viewer == nil {
		return 0, Errorf(EUNAUTHORIZED, "sign in first")
	}
	n, err := s.store.CountFollowRequests(ctx, viewer.ID)
	return n, withContext("count follow requests", err)
}

// AuthorizeFollowRequest accepts a follow of the viewer that waits: the
// follower's feed gets the viewer's recent pins (a local follower), or
// their server gets an Accept (a remote one).
func (s *Service) AuthorizeFollowRequest(ctx context.Context, viewer *Account, followerID int64) error {
	req, err := s.followRequest(ctx, viewer, followerID)
	if err != nil {
		return withContext("authorize follow request", err)
	}
	return withContext("authorize follow request", s.store.InTx(ctx, func(tx Store) error {
		return s.acceptFollow(ctx, tx, req)
	}))
}

// RejectFollowRequest refuses a follow of the viewer that waits: the
// follow is removed, and a remote follower's server gets a Reject.
func (s *Service) RejectFollowRequest(ctx context.Context, viewer *Account, followerID int64) error {
	req, err := s.followRequest(ctx, viewer, followerID)
	if err != nil {
		return withContext("reject follow request", err)
	}
	return withContext("reject follow request", s.store.InTx(ctx, func(tx Store) error {
		if !req.From.IsLocal() {
			if err := s.fed.FollowAnswered(ctx, tx, req.Follow, false); err != nil {
				return err
			}
		}
		return removeFollow(ctx, tx, req.Follow)
	}))
}

// followRequest finds a person's pending follow of the viewer. Only the
// person followed can answer it: anyone else finds nothing.
func (s *Service) followRequest(ctx context.Context, viewer *Account, followerID int64) (FollowRequest, error) {
	if viewer == nil {
		return FollowRequest{}, Errorf(EUNAUTHORIZED, "sign in first")
	}
	f, err := s.store.FindFollow(ctx, followerID, viewer.ID, 0)
	if ErrorCode(err) == ENOTFOUND || (err == nil && !f.Pending) {
		return FollowRequest{}, Errorf(ENOTFOUND, "follow request not found")
	} else if err != nil {
		return FollowRequest{}, err
	}
	from, err := s.store.AccountByID(ctx, followerID)
	return FollowRequest{Follow: f, From: from}, err
}

// acceptFollow turns a pending follow of a local person into a follow:
// the "follow" notification comes now, not when it was asked for, and
// replaces the request's.
func (s *Service) acceptFollow(ctx context.Context, tx Store, req FollowRequest) error {
	if err := tx.SetFollowPending(ctx, req.ID, false); err != nil {
		return err
	}
	req.Pending = false
	if err := tx.DeleteFollowRequestNotifications(ctx, req.TargetAccountID, req.FollowerID); err != nil {
		return err
	}
	if err := notifyFollowed(ctx, tx, req.Follow, s.now()); err != nil {
		return err
	}
	if !req.From.IsLocal() {
		return s.fed.FollowAnswered(ctx, tx, req.Follow, true)
	}
	return tx.Backfill(ctx, req.FollowerID, req.TargetAccountID, 0, backfillSize)
}

// SetLocked turns approving followers by hand on or off, and tells the
// servers of the person's followers (their actor's
// manuallyApprovesFollowers changes). Turning it off accepts every
// request still waiting, as Mastodon does.
func (s *Service) SetLocked(ctx context.Context, a *Account, locked bool) error {
	if a.ManuallyApproves == locked {
		return nil
	}
	changed := *a
	changed.ManuallyApproves, changed.UpdatedAt = locked, s.now()
	err := s.store.InTx(ctx, func(tx Store) error {
		if err := tx.UpdateAccount(ctx, &changed); err != nil {
			return err
		}
		if !locked {
			if err := s.acceptAllFollowRequests(ctx, tx, a.ID); err != nil {
				return err
			}
		}
		return s.fed.ProfileUpdated(ctx, tx, &changed)
	})
	if err != nil {
		return withContext("set locked", err)
	}
	a.ManuallyApproves, a.UpdatedAt = changed.ManuallyApproves, changed.UpdatedAt
	return nil
}

// acceptAllFollowRequests accepts a person's waiting follows, a page at a
// time (each page accepted leaves the list).
func (s *Service) acceptAllFollowRequests(ctx context.Context, tx Store, accountID int64) error {
	for before := int64(0); ; {
		fs, err := tx.ListFollowRequests(ctx, accountID, before, maxFollowRequestPage)
		if err != nil || len(fs) == 0 {
			return err
		}
		reqs, err := s.withFollowers(ctx, tx, fs)
		if err != nil {
			return err
		}
		for _, req := range reqs {
			if err := s.acceptFollow(ctx, tx, req); err != nil {
				return err
			}
		}
		before = fs[len(fs)-1].ID
	}
}

// notifyFollowed tells a local person someone new follows them (the
// "follow" notification Mastodon clients show) or, while the follow
// waits for their answer, asks to ("follow_request"). Board follows are
// not notified: Mastodon's API has no place for them.
func notifyFollowed(ctx context.Context, tx Store, f *Follow, at time.Time) error {
	if f.TargetAccountID == 0 {
		return nil
	}
	typ := "follow"
	if f.Pending {
		typ = "follow_request"
	}
	return tx.CreateNotification(ctx, &Notification{AccountID: f.TargetAccountID, Type: typ,
		FromAccountID: f.FollowerID, CreatedAt: at})
}
