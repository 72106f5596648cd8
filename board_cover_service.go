package corkboard

import "context"

// LoadBoardCovers loads the cover pins of boards that came from
// CreateBoard, UpdateBoard or BoardByID, which leave Cover unset, in one
// query. A cover is always a pin of its own board, so it is visible to
// whoever may see the board.
func (s *Service) LoadBoardCovers(ctx context.Context, boards ...*Board) error {
	return withContext("board covers", s.loadCovers(ctx, boards))
}
