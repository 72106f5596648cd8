package corkboard

import "context"

// DeleteRemoteBoard removes a remote board whose Group actor deleted
// itself: its pins (with their stored images), the follows of it and the
// feed entries of its pins go with it. Nothing is federated: the board is
// not ours. The caller tombstones the Group's IRI.
func (s *Service) DeleteRemoteBoard(ctx context.Context, b *Board) error {
	if b.IRI == "" {
		return Errorf(EINVALID, "only remote boards are deleted by their actor")
	}
	pins, err := s.store.ListPins(ctx, PinQuery{BoardID: b.ID, ViewerID: b.AccountID, Limit: 100000})
	if err != nil {
		return withContext("delete remote board: list pins", err)
	}
	if err := s.store.DeleteBoard(ctx, b.ID); err != nil && ErrorCode(err) != ENOTFOUND {
		return withContext("delete remote board", err)
	}
	for _, p := range pins {
		s.releaseImage(ctx, p)
	}
	return nil
}
