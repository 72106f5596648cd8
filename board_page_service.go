package corkboard

import "context"

// BoardView is what a board's page shows: the board, a page of its pins,
// and who follows it.
type BoardView struct {
	Board     *Board
	Pins      *Page
	Followers int64
	Following bool // the viewer follows the board
}

// BoardPage gathers a board's page as the viewer may see it; a secret
// board is "not found" for everyone but its owner.
func (s *Service) BoardPage(ctx context.Context, viewer *Account, username, slug string, before int64, limit int) (*BoardView, error) {
	b, err := s.Board(ctx, viewer, username, slug)
	if err != nil {
		return nil, err
	}
	v := &BoardView{Board: b}
	if v.Pins, err = s.BoardPins(ctx, viewer, b.ID, before, limit); err != nil {
		return nil, err
	}
	if v.Followers, _, err = s.FollowCounts(ctx, 0, b.ID); err != nil {
		return nil, err
	}
	v.Following, err = s.Following(ctx, viewer, 0, b.ID)
	return v, err
}
