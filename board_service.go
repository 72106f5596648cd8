package corkboard

import (
	"context"
	"strconv"
)

// CreateBoard makes a board for the signed-in person. Without a slug one is
// derived from the title, made unique among the owner's boards.
func (s *Service) CreateBoard(ctx context.Context, owner *Account, in BoardInput) (*Board, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	slug, err := s.uniqueSlug(ctx, owner.ID, in)
	if err != nil {
		return nil, err
	}
	now := s.now()
	b := &Board{AccountID: owner.ID, Slug: slug, Title: in.Title, Description: in.Description,
		Secret: in.Secret, CreatedAt: now, UpdatedAt: now, Account: owner}
	if err := s.store.CreateBoard(ctx, b); err != nil {
		return nil, withContext("create board", err)
	}
	return b, nil
}

func (s *Service) uniqueSlug(ctx context.Context, ownerID int64, in BoardInput) (string, error) {
	if in.Slug != "" {
		return in.Slug, nil // an explicit slug that is taken is a conflict, reported by the store
	}
	base := Slugify(in.Title)
	for i := 1; i < 100; i++ {
		slug := base
		if i > 1 {
			slug = base + "_" + strconv.Itoa(i)
		}
		taken, err := s.store.SlugTaken(ctx, ownerID, slug)
		if err != nil {
			return "", withContext("unique slug", err)
		}
		if !taken {
			return slug, nil
		}
	}
	return "", Errorf(ECONFLICT, "choose another short name for this board")
}

// UpdateBoard edits a board; only its owner may.
func (s *Service) UpdateBoard(ctx context.Context, actor *Account, id int64, in BoardInput) (*Board, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	b, err := s.ownBoard(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	wasSecret := b.Secret
	b.Title, b.Description, b.Secret, b.UpdatedAt = in.Title, in.Description, in.Secret, s.now()
	if in.Slug != "" {
		b.Slug = in.Slug
	}
	if in.CoverPinID != 0 {
		if err := s.checkCover(ctx, b, in.CoverPinID); err != nil {
			return nil, err
		}
		b.CoverPinID, b.ShownCoverID = in.CoverPinID, in.CoverPinID
	}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.UpdateBoard(ctx, b); err != nil {
			return err
		}
		if wasSecret != b.Secret {
			if err := tx.SetBoardSecret(ctx, b.ID, b.Secret); err != nil {
				return err
			}
			if err := s.refanBoard(ctx, tx, b); err != nil {
				return err
			}
		}
		return s.fed.BoardUpdated(ctx, tx, b)
	})
	return b, withContext("update board", err)
}

// refanBoard fixes feeds after a board's secrecy changed: a board made
// secret leaves everyone's feed but its owner's.
func (s *Service) refanBoard(ctx context.Context, tx Store, b *Board) error {
	pins, err := tx.ListPins(ctx, PinQuery{BoardID: b.ID, ViewerID: b.AccountID, Limit: 500})
	if err != nil {
		return err
	}
	for _, p := range pins {
		if b.Secret {
			err = tx.RemoveFromOtherFeeds(ctx, p.ID, b.AccountID)
		} else {
			err = tx.FanOut(ctx, p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) checkCover(ctx context.Context, b *Board, pinID int64) error {
	p, err := s.store.PinByID(ctx, pinID)
	if err != nil || p.BoardID != b.ID {
		return Errorf(EINVALID, "the cover must be a pin on this board")
	}
	return nil
}

// DeleteBoard deletes a board with its pins; only its owner may.
func (s *Service) DeleteBoard(ctx context.Context, actor *Account, id int64) error {
	b, err := s.ownBoard(ctx, actor, id)
	if err != nil {
		return err
	}
	pins, err := s.store.ListPins(ctx, PinQuery{BoardID: b.ID, ViewerID: actor.ID, Limit: 100000})
	if err != nil {
		return withContext("delete board: list pins", err)
	}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := s.fed.BoardDeleted(ctx, tx, b); err != nil {
			return err
		}
		return tx.DeleteBoard(ctx, b.ID) // pins, feed entries, likes cascade
	})
	if err != nil {
		return withContext("delete board", err)
	}
	for _, p := range pins {
		s.releaseImage(ctx, p)
	}
	return nil
}

// ownBoard returns a board the actor owns; anyone else's board is "not
// found", so that secret boards do not reveal that they exist.
func (s *Service) ownBoard(ctx context.Context, actor *Account, id int64) (*Board, error) {
	if actor == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	b, err := s.store.BoardByID(ctx, id)
	if err != nil {
		return nil, withContext("board", err)
	}
	if b.AccountID != actor.ID {
		if b.Secret {
			return nil, Errorf(ENOTFOUND, "board not found")
		}
		return nil, Errorf(EFORBIDDEN, "only the board's owner can change it")
	}
	b.Account = actor
	return b, nil
}

// Board returns a board by owner and slug as the viewer may see it: a
// secret board is "not found" for everyone but its owner.
func (s *Service) Board(ctx context.Context, viewer *Account, username, slug string) (*Board, error) {
	owner, err := s.store.AccountByUsername(ctx, username)
	if err != nil {
		return nil, withContext("board owner", err)
	}
	b, err := s.store.BoardBySlug(ctx, owner.ID, slug)
	if err != nil {
		return nil, withContext("board", err)
	}
	if !canSeeBoard(viewer, b) || owner.Disabled { // a suspended person's boards are not served
		return nil, Errorf(ENOTFOUND, "board not found")
	}
	b.Account = owner
	return b, nil
}

// BoardByID returns a board the viewer may see.
func (s *Service) BoardByID(ctx context.Context, viewer *Account, id int64) (*Board, error) {
	b, err := s.store.BoardByID(ctx, id)
	if err != nil {
		return nil, withContext("board", err)
	}
	if !canSeeBoard(viewer, b) {
		return nil, Errorf(ENOTFOUND, "board not found")
	}
	if b.Account, err = s.store.AccountByID(ctx, b.AccountID); err != nil {
		return nil, withContext("board owner", err)
	}
	if b.Account.Disabled { // a suspended person's boards are not served
		return nil, Errorf(ENOTFOUND, "board not found")
	}
	return b, nil
}

func canSeeBoard(viewer *Account, b *Board) bool {
	return !b.Secret || (viewer != nil && viewer.ID == b.AccountID)
}

// Boards lists a person's boards as the viewer may see them, each with its
// cover pin loaded.
func (s *Service) Boards(ctx context.Context, viewer, owner *Account) ([]*Board, error) {
	withSecret := viewer != nil && viewer.ID == owner.ID
	boards, err := s.store.ListBoards(ctx, owner.ID, withSecret)
	if err != nil {
		return nil, withContext("boards", err)
	}
	for _, b := range boards {
		b.Account = owner
	}
	return boards, withContext("board covers", s.loadCovers(ctx, boards))
}

// loadCovers loads every board's cover pin in one query.
func (s *Service) loadCovers(ctx context.Context, boards []*Board) error {
	ids := make([]int64, 0, len(boards))
	for _, b := range boards {
		if b.ShownCoverID != 0 {
			ids = append(ids, b.ShownCoverID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	pins, err := s.store.PinsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	for _, b := range boards {
		b.Cover = pins[b.ShownCoverID]
	}
	return nil
}
