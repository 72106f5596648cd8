package corkboard

import "context"

// PinView is what a pin's page shows beside the pin: its comments, more
// pins from its board, and whether the viewer follows its owner and board.
type PinView struct {
	Pin         *Pin // hydrated: Account, Board, SavedFrom, LikedByMe
	Comments    []*Comment
	More        []*Pin      // newest pins of the same board, without this one
	OwnerFollow FollowState // the viewer's follow of the pin's owner
	BoardFollow FollowState // and of its board
}

// PinPage gathers a pin's page as the viewer may see it, in a fixed number
// of queries: the pin is checked once, not again for its comments. The
// comments are those after the comment afterComment (0: from the first).
func (s *Service) PinPage(ctx context.Context, viewer *Account, id, afterComment int64, comments, more int) (*PinView, error) {
	p, err := s.Pin(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	v := &PinView{Pin: p}
	if v.Comments, err = s.pinComments(ctx, p.ID, afterComment, comments); err != nil {
		return nil, err
	}
	page, err := s.BoardPins(ctx, viewer, p.BoardID, 0, more+1)
	if err != nil {
		return nil, err
	}
	for _, q := range page.Pins {
		if q.ID != p.ID && len(v.More) < more {
			v.More = append(v.More, q)
		}
	}
	if v.OwnerFollow, err = s.FollowStateOf(ctx, viewer, p.AccountID, 0); err != nil {
		return nil, err
	}
	v.BoardFollow, err = s.FollowStateOf(ctx, viewer, 0, p.BoardID)
	return v, err
}

// pinComments lists a visible pin's comments after afterID, oldest first,
// with their authors.
func (s *Service) pinComments(ctx context.Context, pinID, afterID int64, limit int) ([]*Comment, error) {
	cs, err := s.store.ListComments(ctx, pinID, afterID, clampLimit(limit))
	if err != nil || len(cs) == 0 {
		return nil, withContext("comments", err)
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.AccountID
	}
	authors, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("comment authors", err)
	}
	for _, c := range cs {
		c.Account = authors[c.AccountID]
	}
	return cs, nil
}
