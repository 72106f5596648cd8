package corkboard

import "context"

// PinEdit is what the owner may change on a pin.
type PinEdit struct {
	Title       string
	Description string
	AltText     string
	Link        string
	BoardID     int64 // move to this board (0: stay)
}

// UpdatePin edits or moves a pin; only its owner may.
func (s *Service) UpdatePin(ctx context.Context, actor *Account, id int64, e PinEdit) (*Pin, error) {
	if err := s.checkPinText(&e.Title, &e.Description, &e.AltText, &e.Link); err != nil {
		return nil, err
	}
	p, err := s.ownPin(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	wasSecret := p.Secret
	if e.BoardID != 0 && e.BoardID != p.BoardID {
		board, err := s.ownBoard(ctx, actor, e.BoardID)
		if err != nil {
			return nil, err
		}
		p.BoardID, p.Secret, p.Board = board.ID, board.Secret, board
	}
	p.Title, p.Description, p.AltText, p.Link = e.Title, e.Description, e.AltText, e.Link
	p.Tags, p.UpdatedAt = ExtractTags(e.Description), s.now()
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.UpdatePin(ctx, p); err != nil {
			return err
		}
		switch {
		case p.Secret && !wasSecret:
			err = tx.RemoveFromOtherFeeds(ctx, p.ID, p.AccountID)
		case !p.Secret && wasSecret:
			err = tx.FanOut(ctx, p)
		}
		if err != nil {
			return err
		}
		// The Federator sees wasSecret through p.Secret: a pin that became
		// secret is deleted from other servers, one that became public is
		// created there.
		return s.fed.PinUpdated(ctx, tx, p)
	})
	return p, withContext("update pin", err)
}

// DeletePin deletes a pin; only its owner may.
func (s *Service) DeletePin(ctx context.Context, actor *Account, id int64) error {
	p, err := s.ownPin(ctx, actor, id)
	if err != nil {
		return err
	}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := s.fed.PinDeleted(ctx, tx, p); err != nil {
			return err
		}
		return tx.DeletePin(ctx, p.ID)
	})
	if err != nil {
		return withContext("delete pin", err)
	}
	s.releaseImage(ctx, p)
	return nil
}

// SavePin saves (repins) a pin the actor can see to one of the actor's
// boards. The copy shows the same image and remembers the original.
func (s *Service) SavePin(ctx context.Context, actor *Account, pinID, boardID int64) (*Pin, error) {
	orig, err := s.Pin(ctx, actor, pinID)
	if err != nil {
		return nil, err
	}
	board, err := s.ownBoard(ctx, actor, boardID)
	if err != nil {
		return nil, err
	}
	if orig.SavedFromID != 0 { // credit the first pin, as Pinterest does
		if first, err := s.store.PinByID(ctx, orig.SavedFromID); err == nil && canSeePin(actor, first) {
			orig = first
		}
	}
	now := s.now()
	p := &Pin{AccountID: actor.ID, BoardID: board.ID, Title: orig.Title, Description: orig.Description,
		AltText: orig.AltText, Link: orig.Link, Image: orig.Image, Tags: orig.Tags, SavedFromID: orig.ID,
		Secret: board.Secret, CreatedAt: now, UpdatedAt: now, Account: actor, Board: board, SavedFrom: orig}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreatePin(ctx, p); err != nil {
			return err
		}
		if err := tx.AdjustPinCounts(ctx, orig.ID, 1, 0, 0); err != nil {
			return err
		}
		if err := tx.FanOut(ctx, p); err != nil {
			return err
		}
		return s.fed.PinSaved(ctx, tx, actor, orig, p)
	})
	return p, withContext("save pin", err)
}

// Pin returns a pin as the viewer may see it, with its owner, board and
// "saved from" loaded. A secret pin is "not found" for everyone else.
func (s *Service) Pin(ctx context.Context, viewer *Account, id int64) (*Pin, error) {
	p, err := s.store.PinByID(ctx, id)
	if err != nil {
		return nil, withContext("pin", err)
	}
	if !canSeePin(viewer, p) {
		return nil, Errorf(ENOTFOUND, "pin not found")
	}
	if err := s.Hydrate(ctx, viewer, []*Pin{p}); err != nil {
		return nil, err
	}
	if p.Account != nil && p.Account.Disabled { // a suspended person's pins are not served
		return nil, Errorf(ENOTFOUND, "pin not found")
	}
	return p, nil
}

func canSeePin(viewer *Account, p *Pin) bool {
	return !p.Secret || (viewer != nil && viewer.ID == p.AccountID)
}

// ownPin returns a pin the actor owns; a secret pin of someone else is "not
// found" so that it does not reveal its existence.
func (s *Service) ownPin(ctx context.Context, actor *Account, id int64) (*Pin, error) {
	if actor == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	p, err := s.store.PinByID(ctx, id)
	if err != nil {
		return nil, withContext("pin", err)
	}
	if p.AccountID != actor.ID {
		if p.Secret {
			return nil, Errorf(ENOTFOUND, "pin not found")
		}
		return nil, Errorf(EFORBIDDEN, "only the pin's owner can change it")
	}
	return p, nil
}

// Hydrate loads the owners, boards, originals and the viewer's likes of
// pins in a fixed number of queries, however many pins there are.
func (s *Service) Hydrate(ctx context.Context, viewer *Account, pins []*Pin) error {
	if len(pins) == 0 {
		return nil
	}
	var accountIDs, boardIDs, origIDs, pinIDs []int64
	for _, p := range pins {
		accountIDs, boardIDs, pinIDs = append(accountIDs, p.AccountID), append(boardIDs, p.BoardID), append(pinIDs, p.ID)
		if p.SavedFromID != 0 {
			origIDs = append(origIDs, p.SavedFromID)
		}
	}
	accounts, err := s.store.AccountsByIDs(ctx, accountIDs)
	if err != nil {
		return withContext("hydrate accounts", err)
	}
	boards, err := s.store.BoardsByIDs(ctx, boardIDs)
	if err != nil {
		return withContext("hydrate boards", err)
	}
	origs := map[int64]*Pin{}
	if len(origIDs) > 0 {
		if origs, err = s.store.PinsByIDs(ctx, origIDs); err != nil {
			return withContext("hydrate originals", err)
		}
	}
	liked := map[int64]bool{}
	if viewer != nil {
		if liked, err = s.store.LikedPins(ctx, viewer.ID, pinIDs); err != nil {
			return withContext("hydrate likes", err)
		}
	}
	for _, p := range pins {
		p.Account, p.Board, p.LikedByMe = accounts[p.AccountID], boards[p.BoardID], liked[p.ID]
		if o := origs[p.SavedFromID]; o != nil && canSeePin(viewer, o) {
			p.SavedFrom = o
		}
	}
	return nil
}
