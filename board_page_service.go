package corkboard

import "context"

// BoardView is what a board's page shows: the board, a page of its pins,
// and who follows it.
type BoardView struct {
	Board     *Board
	Pins      *Page
	Followers int64
	Follow    FollowState // the viewer's follow of the board
}

// BoardPage gathers a board's page as the viewer may see it; a secret
// board is "not found" for everyone but its owner.
func (s *Service) BoardPage(ctx context.Context, viewer *Account, username, slug string, before int64, limit int) (*BoardView, error) {
	b, err := s.Board(ctx, viewer, username, slug)
	if err != nil {
		return nil, err
	}
	return s.boardView(ctx, viewer, b, before, limit)
}

// boardView gathers the page of a board the viewer may see.
func (s *Service) boardView(ctx context.Context, viewer *Account, b *Board, before int64, limit int) (*BoardView, error) {
	v := &BoardView{Board: b}
	var err error
	if v.Pins, err = s.BoardPins(ctx, viewer, b.ID, before, limit); err != nil {
		return nil, err
	}
	if v.Followers, _, err = s.FollowCounts(ctx, 0, b.ID); err != nil {
		return nil, err
	}
	v.Follow, err = s.FollowStateOf(ctx, viewer, 0, b.ID)
	return v, err
}
