package corkboard

import "context"

// PurgeRemoteAccount removes everything a remote account brought: its
// boards and pins (with their stored images), its stored avatar, its likes, comments and
// shares of local pins (their counts go down) and its follows both ways.
// The account row stays, so that activities naming it still resolve to
// "nothing to do"; its actor IRI is tombstoned by the caller. Used when
// the actor is deleted and when its domain is suspended.
func (s *Service) PurgeRemoteAccount(ctx context.Context, accountID int64) error {
	a, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return withContext("purge remote account", err)
	}
	if a.IsLocal() {
		return Errorf(EINVALID, "only remote accounts can be purged")
	}
	var images []Image
	err = s.store.InTx(ctx, func(tx Store) error {
		if images, err = tx.PurgeAccount(ctx, a.ID); err != nil {
			return err
		}
		if a.AvatarKey == "" {
			return nil
		}
		return tx.SetAvatar(ctx, a.ID, Avatar{UpdatedAt: s.now()}) // its stored copy goes too
	})
	if err != nil {
		return withContext("purge remote account", err)
	}
	for i := range images {
		s.releaseImage(ctx, &Pin{Image: images[i]})
	}
	s.releaseAvatar(ctx, a.AvatarKey, a.AvatarSmallKey)
	return nil
}
