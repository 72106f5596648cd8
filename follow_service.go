package corkboard

import "context"

// backfillSize is how many recent pins a new follow brings into the feed.
const backfillSize = 50

// FollowAccount makes the actor follow a person, bringing their recent
// public pins into the actor's home feed.
func (s *Service) FollowAccount(ctx context.Context, actor *Account, username string) (*Follow, error) {
	target, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return nil, withContext("follow", err)
	}
	return s.FollowAccountByID(ctx, actor, target.ID)
}

// FollowAccountByID follows a local or remote person. Following a remote
// person sends a Follow and stays pending until their server accepts;
// following a local person who approves followers by hand stays pending
// until they do.
func (s *Service) FollowAccountByID(ctx context.Context, actor *Account, id int64) (*Follow, error) {
	target, err := s.store.AccountByID(ctx, id)
	if err != nil {
		return nil, withContext("follow", err)
	}
	if target.Disabled || !target.Approved { // suspended, or not let in yet
		return nil, Errorf(ENOTFOUND, "account not found")
	}
	if target.ID == actor.ID {
		return nil, Errorf(EINVALID, "you cannot follow yourself")
	}
	if err := s.checkNotBlocked(ctx, target, actor); err != nil {
		return nil, err
	}
	remote := !target.IsLocal()
	return s.follow(ctx, actor, &Follow{TargetAccountID: target.ID, Pending: remote || target.ManuallyApproves}, remote)
}

// FollowBoard makes the actor follow a single board.
func (s *Service) FollowBoard(ctx context.Context, actor *Account, boardID int64) (*Follow, error) {
	b, err := s.BoardByID(ctx, actor, boardID)
	if err != nil {
		return nil, err
	}
	if b.AccountID == actor.ID {
		return nil, Errorf(EINVALID, "this is your own board")
	}
	if b.HoldsLoosePins() { // no actor on their server to send a Follow to
		return nil, Errorf(EINVALID, "follow %s to get these pins", b.Account.Acct())
	}
	if err := s.checkNotBlocked(ctx, b.Account, actor); err != nil {
		return nil, err
	}
	remote := b.IRI != ""
	return s.follow(ctx, actor, &Follow{TargetBoardID: b.ID, Pending: remote}, remote)
}

// checkNotBlocked refuses a follow of someone (or their board) who
// blocks the follower, or whom the follower blocks.
func (s *Service) checkNotBlocked(ctx context.Context, owner, follower *Account) error {
	if owner == nil {
		return nil
	}
	for _, pair := range [][2]*Account{{owner, follower}, {follower, owner}} {
		blocked, err := s.store.IsBlocked(ctx, pair[0].ID, pair[1].ID)
		if err != nil {
			return withContext("follow", err)
		}
		if blocked && pair[0] == owner {
			return Errorf(EFORBIDDEN, "%s does not accept follows from you", owner.Acct())
		} else if blocked {
			return Errorf(EFORBIDDEN, "you block %s; unblock them first", owner.Acct())
		}
	}
	return nil
}

// follow records a follow. A remote target's server answers it; a local
// one that waits (a locked person) brings pins only once accepted.
func (s *Service) follow(ctx context.Context, actor *Account, f *Follow, remote bool) (*Follow, error) {
	if existing, err := s.store.FindFollow(ctx, actor.ID, f.TargetAccountID, f.TargetBoardID); err == nil {
		return existing, nil // following twice is harmless
	}
	f.FollowerID, f.CreatedAt = actor.ID, s.now()
	err := s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreateFollow(ctx, f); err != nil {
			return err
		}
		if remote { // its server answers, then pins arrive
			return s.fed.Followed(ctx, tx, f)
		}
		if err := notifyFollowed(ctx, tx, f, f.CreatedAt); err != nil {
			return err
		}
		if f.Pending {
			return nil // they decide first (AuthorizeFollowRequest)
		}
		return tx.Backfill(ctx, actor.ID, f.TargetAccountID, f.TargetBoardID, backfillSize)
	})
	return f, withContext("follow", err)
}

// UnfollowAccountByID stops following a local or remote person.
func (s *Service) UnfollowAccountByID(ctx context.Context, actor *Account, id int64) error {
	return s.unfollow(ctx, actor, id, 0)
}

// UnfollowAccount stops following a person and takes their pins out of the
// home feed (those that a followed board still brings stay).
func (s *Service) UnfollowAccount(ctx context.Context, actor *Account, username string) error {
	target, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return withContext("unfollow", err)
	}
	return s.unfollow(ctx, actor, target.ID, 0)
}

// UnfollowBoard stops following a board.
func (s *Service) UnfollowBoard(ctx context.Context, actor *Account, boardID int64) error {
	return s.unfollow(ctx, actor, 0, boardID)
}

func (s *Service) unfollow(ctx context.Context, actor *Account, accountID, boardID int64) error {
	f, err := s.store.FindFollow(ctx, actor.ID, accountID, boardID)
	if ErrorCode(err) == ENOTFOUND {
		return nil // unfollowing twice is harmless
	} else if err != nil {
		return withContext("unfollow", err)
	}
	return withContext("unfollow", s.store.InTx(ctx, func(tx Store) error {
		removed, err := tx.DeleteFollow(ctx, actor.ID, accountID, boardID)
		if err != nil || !removed {
			return err
		}
		if err := forgetFollowRequest(ctx, tx, f); err != nil {
			return err
		}
		if err := tx.Unmerge(ctx, actor.ID, accountID, boardID); err != nil {
			return err
		}
		return s.fed.Unfollowed(ctx, tx, f)
	}))
}

// Following reports whether the actor follows a person or board.
func (s *Service) Following(ctx context.Context, actor *Account, accountID, boardID int64) (bool, error) {
	if actor == nil {
		return false, nil
	}
	_, err := s.store.FindFollow(ctx, actor.ID, accountID, boardID)
	if ErrorCode(err) == ENOTFOUND {
		return false, nil
	}
	return err == nil, withContext("following", err)
}

// FollowCounts returns how many follow the person or board, and (for a
// person) how many they follow.
func (s *Service) FollowCounts(ctx context.Context, accountID, boardID int64) (followers, following int64, err error) {
	if followers, err = s.store.CountFollowers(ctx, accountID, boardID); err != nil {
		return 0, 0, withContext("follower count", err)
	}
	if accountID != 0 {
		following, err = s.store.CountFollowing(ctx, accountID)
	}
	return followers, following, withContext("following count", err)
}
