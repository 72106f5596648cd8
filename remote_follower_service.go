package corkboard

import "context"

// The use cases of follows that other servers start or answer. The
// activitypub package decodes and checks the activities (who may do
// what); these apply them, in one transaction each.

// AcceptRemoteFollow records a remote person's follow of a local person
// or public board (the target's id; the other is 0). Unless the target
// approves followers by hand, the follow is accepted at once and the
// Federator answers with an Accept in the same transaction; otherwise it
// waits for AuthorizeFollowRequest or RejectFollowRequest. A repeated
// Follow with a new id is answered again: the remote server may have lost
// our Accept.
func (s *Service) AcceptRemoteFollow(ctx context.Context, follower *Account, accountID, boardID int64, iri string) (*Follow, error) {
	manual, owner, err := s.followTarget(ctx, accountID, boardID)
	if err != nil {
		return nil, err
	}
	if blocked, err := s.store.IsBlocked(ctx, owner, follower.ID); err != nil {
		return nil, withContext("remote follow", err)
	} else if blocked {
		return nil, Errorf(EFORBIDDEN, "%s is blocked by the person they follow", follower.Acct())
	}
	f, err := s.store.FindFollow(ctx, follower.ID, accountID, boardID)
	if err == nil && f.IRI == iri {
		return f, nil // a redelivery: nothing changes
	} else if err != nil && ErrorCode(err) != ENOTFOUND {
		return nil, withContext("remote follow", err)
	}
	err = s.store.InTx(ctx, func(tx Store) error {
		if f != nil {
			if err := tx.SetFollowIRI(ctx, f.ID, iri); err != nil {
				return err
			}
			f.IRI = iri
		} else {
			f = &Follow{FollowerID: follower.ID, TargetAccountID: accountID, TargetBoardID: boardID,
				Pending: manual, IRI: iri, CreatedAt: s.now()}
			if err := tx.CreateFollow(ctx, f); err != nil {
				return err
			}
			if err := notifyFollowed(ctx, tx, f, f.CreatedAt); err != nil {
				return err
			}
		}
		if f.Pending {
			return nil // the target decides later
		}
		return s.fed.FollowAnswered(ctx, tx, f, true)
	})
	return f, withContext("remote follow", err)
}

// followTarget checks that a follow's target is a local person or a public
// local board, and reports whether it approves followers by hand and who
// owns it (the person, or the board's owner).
func (s *Service) followTarget(ctx context.Context, accountID, boardID int64) (manual bool, owner int64, err error) {
	if boardID != 0 {
		b, err := s.store.BoardByID(ctx, boardID)
		if err != nil {
			return false, 0, withContext("follow target", err)
		}
		if b.IRI != "" || b.Secret {
			return false, 0, Errorf(ENOTFOUND, "board not found")
		}
		return b.ManuallyApproves, b.AccountID, nil
	}
	a, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return false, 0, withContext("follow target", err)
	}
	if !a.IsLocal() || a.Disabled || !a.Approved {
		return false, 0, Errorf(ENOTFOUND, "account not found")
	}
	return a.ManuallyApproves, a.ID, nil
}

// RemoteFollowAccepted marks a local person's follow of a remote person or
// board as accepted and brings the target's recent pins into their feed.
func (s *Service) RemoteFollowAccepted(ctx context.Context, f *Follow) error {
	if !f.Pending {
		return nil
	}
	return withContext("follow accepted", s.store.InTx(ctx, func(tx Store) error {
		if err := tx.SetFollowPending(ctx, f.ID, false); err != nil {
			return err
		}
		f.Pending = false
		return tx.Backfill(ctx, f.FollowerID, f.TargetAccountID, f.TargetBoardID, backfillSize)
	}))
}

// RemoveFollow deletes a follow that the other side ended: a Reject of
// ours, an Undo of theirs, a Block. A local follower's feed loses the pins
// that no other follow still brings.
func (s *Service) RemoveFollow(ctx context.Context, f *Follow) error {
	return withContext("remove follow", s.store.InTx(ctx, func(tx Store) error {
		return removeFollow(ctx, tx, f)
	}))
}

func removeFollow(ctx context.Context, tx Store, f *Follow) error {
	removed, err := tx.DeleteFollow(ctx, f.FollowerID, f.TargetAccountID, f.TargetBoardID)
	if err != nil || !removed {
		return err
	}
	if err := forgetFollowRequest(ctx, tx, f); err != nil {
		return err
	}
	return tx.Unmerge(ctx, f.FollowerID, f.TargetAccountID, f.TargetBoardID)
}

// forgetFollowRequest removes the notification a follow that waited gave
// the local person it asked, once the follow is gone (refused, withdrawn).
func forgetFollowRequest(ctx context.Context, tx Store, f *Follow) error {
	if !f.Pending || f.TargetAccountID == 0 {
		return nil
	}
	return tx.DeleteFollowRequestNotifications(ctx, f.TargetAccountID, f.FollowerID)
}

// RemoteBlock applies a remote person's block of a local one: the
// follows between them end, both ways (people and their boards alike),
// and the block is recorded under its activity id, so that our person's
// messages are no longer sent to them and an Undo can lift it.
func (s *Service) RemoteBlock(ctx context.Context, blocker, target *Account, iri string) error {
	between, err := s.followsBetween(ctx, blocker.ID, target.ID)
	if err != nil {
		return withContext("remote block", err)
	}
	return withContext("remote block", s.store.InTx(ctx, func(tx Store) error {
		for _, f := range between {
			if err := removeFollow(ctx, tx, f); err != nil {
				return err
			}
		}
		return tx.AddBlock(ctx, &Block{BlockerID: blocker.ID, TargetID: target.ID, IRI: iri, CreatedAt: s.now()})
	}))
}

// RemoteUnblock lifts a remote person's block of a local one (their
// Undo of the Block).
func (s *Service) RemoteUnblock(ctx context.Context, blocker, target *Account) error {
	return withContext("remote unblock", s.store.RemoveBlock(ctx, blocker.ID, target.ID))
}

// followsBetween lists the follows from either account to the other or to
// the other's boards.
func (s *Service) followsBetween(ctx context.Context, a, b int64) ([]*Follow, error) {
	var all []*Follow
	for _, id := range []int64{a, b} {
		fs, err := s.store.FollowsOf(ctx, id)
		if err != nil {
			return nil, err
		}
		all = append(all, fs...)
	}
	owners, err := s.boardOwners(ctx, all)
	if err != nil {
		return nil, err
	}
	var out []*Follow
	seen := map[int64]bool{}
	for _, f := range all {
		target := f.TargetAccountID
		if f.TargetBoardID != 0 {
			target = owners[f.TargetBoardID]
		}
		pair := (f.FollowerID == a && target == b) || (f.FollowerID == b && target == a)
		if pair && !seen[f.ID] {
			seen[f.ID] = true
			out = append(out, f)
		}
	}
	return out, nil
}

// boardOwners maps the boards some follows target to their owners.
func (s *Service) boardOwners(ctx context.Context, follows []*Follow) (map[int64]int64, error) {
	var ids []int64
	for _, f := range follows {
		if f.TargetBoardID != 0 {
			ids = append(ids, f.TargetBoardID)
		}
	}
	owners := map[int64]int64{}
	if len(ids) == 0 {
		return owners, nil
	}
	boards, err := s.store.BoardsByIDs(ctx, ids)
	for id, b := range boards {
		owners[id] = b.AccountID
	}
	return owners, err
}
