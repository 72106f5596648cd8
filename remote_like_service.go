package corkboard

import "context"

// Likes and shares (Announces) of local pins by remote people. Each is
// idempotent: a like or share counts once however often it arrives.

// RemoteLike records a remote person's like of a local, non-secret pin.
func (s *Service) RemoteLike(ctx context.Context, liker *Account, pinID int64) error {
	if _, err := s.localPublicPin(ctx, pinID); err != nil {
		return err
	}
	return withContext("remote like", s.store.InTx(ctx, func(tx Store) error {
		created, err := tx.AddLike(ctx, liker.ID, pinID, s.now())
		if err != nil || !created {
			return err
		}
		return tx.AdjustPinCounts(ctx, pinID, 0, 1, 0)
	}))
}

// RemoteUnlike removes a remote person's like, if there is one.
func (s *Service) RemoteUnlike(ctx context.Context, liker *Account, pinID int64) error {
	return withContext("remote unlike", s.store.InTx(ctx, func(tx Store) error {
		likedAt, err := tx.RemoveLike(ctx, liker.ID, pinID)
		if err != nil || likedAt.IsZero() {
			return err
		}
		return tx.AdjustPinCounts(ctx, pinID, 0, -1, 0)
	}))
}

// RemoteShare records a remote person's Announce of a local pin, which
// counts as a save.
func (s *Service) RemoteShare(ctx context.Context, sh *Share) error {
	if _, err := s.localPublicPin(ctx, sh.PinID); err != nil {
		return err
	}
	if sh.CreatedAt.IsZero() {
		sh.CreatedAt = s.now()
	}
	return withContext("remote share", s.store.InTx(ctx, func(tx Store) error {
		created, err := tx.AddShare(ctx, sh)
		if err != nil || !created {
			return err
		}
		return tx.AdjustPinCounts(ctx, sh.PinID, 1, 0, 0)
	}))
}

// RemoteUnshare removes a share (its Announce was undone).
func (s *Service) RemoteUnshare(ctx context.Context, sh *Share) error {
	return withContext("remote unshare", s.store.InTx(ctx, func(tx Store) error {
		if err := tx.DeleteShare(ctx, sh.ID); err != nil {
			if ErrorCode(err) == ENOTFOUND {
				return nil // undone twice
			}
			return err
		}
		return tx.AdjustPinCounts(ctx, sh.PinID, -1, 0, 0)
	}))
}

// localPublicPin returns a local pin that others may interact with:
// secret pins are "not found", as everywhere else.
func (s *Service) localPublicPin(ctx context.Context, id int64) (*Pin, error) {
	p, err := s.store.PinByID(ctx, id)
	if err != nil {
		return nil, withContext("pin", err)
	}
	if p.Secret || p.IRI != "" {
		return nil, Errorf(ENOTFOUND, "pin not found")
	}
	return p, nil
}
