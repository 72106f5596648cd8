package corkboard

import (
	"context"
	"strings"
)

// Page is one page of pins and the cursor of the next (0 at the end).
type Page struct {
	Pins []*Pin
	Next int64
}

// HomeFeed is the signed-in person's own pins and those of the people and
// boards they follow, newest first.
func (s *Service) HomeFeed(ctx context.Context, viewer *Account, cursor int64, limit int) (*Page, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	limit = clampLimit(limit)
	pins, next, err := s.store.HomeFeed(ctx, viewer.ID, cursor, limit)
	if err != nil {
		return nil, withContext("home feed", err)
	}
	page := &Page{Pins: pins, Next: next}
	if err := s.Hydrate(ctx, viewer, pins); err != nil {
		return nil, err
	}
	dropSuspended(page)
	return page, nil
}

// dropSuspended removes the pins of suspended people from a listing of
// several people's pins (feeds, tags, search): their own pages are "not
// found" already. Pins must be hydrated. A page may come out shorter than
// asked; its cursor still moves on correctly.
func dropSuspended(page *Page) {
	kept := page.Pins[:0]
	for _, p := range page.Pins {
		if p.Account == nil || !p.Account.Disabled {
			kept = append(kept, p)
		}
	}
	page.Pins = kept
}

// BoardPins lists a board's pins (the caller has checked the board is
// visible to the viewer; secret pins are filtered again by the query).
func (s *Service) BoardPins(ctx context.Context, viewer *Account, boardID, before int64, limit int) (*Page, error) {
	return s.listPins(ctx, viewer, PinQuery{BoardID: boardID, BeforeID: before, Limit: limit})
}

// AccountPins lists a person's pins that the viewer may see.
func (s *Service) AccountPins(ctx context.Context, viewer *Account, accountID, before int64, limit int) (*Page, error) {
	return s.listPins(ctx, viewer, PinQuery{AccountID: accountID, BeforeID: before, Limit: limit})
}

// TagPins lists the pins with a #tag.
func (s *Service) TagPins(ctx context.Context, viewer *Account, tag string, before int64, limit int) (*Page, error) {
	tag = NormalizeTag(tag)
	if tag == "" {
		return nil, Errorf(EINVALID, "which tag?")
	}
	return s.publicListing(ctx, viewer, PinQuery{Tag: tag, BeforeID: before, Limit: limit})
}

// SearchPins finds pins by description, tags and title.
func (s *Service) SearchPins(ctx context.Context, viewer *Account, q string, before int64, limit int) (*Page, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return &Page{}, nil
	}
	if len(q) > 200 {
		return nil, Errorf(EINVALID, "the search is too long")
	}
	return s.publicListing(ctx, viewer, PinQuery{Search: q, BeforeID: before, Limit: limit})
}

// publicListing lists pins for a page anyone can browse (tags, search),
// without those of silenced domains or suspended people.
func (s *Service) publicListing(ctx context.Context, viewer *Account, q PinQuery) (*Page, error) {
	page, err := s.listPins(ctx, viewer, q)
	if err != nil {
		return nil, err
	}
	dropSuspended(page)
	return page, s.hideSilenced(ctx, page)
}

// SearchBoards finds public boards (and the viewer's own secret ones).
func (s *Service) SearchBoards(ctx context.Context, viewer *Account, q string, limit int) ([]*Board, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	var viewerID int64
	if viewer != nil {
		viewerID = viewer.ID
	}
	boards, err := s.store.SearchBoards(ctx, q, viewerID, clampLimit(limit))
	if err != nil {
		return nil, withContext("search boards", err)
	}
	if err := s.loadBoardOwners(ctx, boards); err != nil {
		return nil, err
	}
	kept := boards[:0]
	for _, b := range boards {
		// A suspended person's boards are not found; a silenced server's
		// stay off search.
		silenced, err := s.silencedAccount(ctx, b.Account)
		if err != nil {
			return nil, err
		}
		if b.Account == nil || (!b.Account.Disabled && !silenced) {
			kept = append(kept, b)
		}
	}
	return kept, nil
}

// SearchPeople finds people by username and display name.
func (s *Service) SearchPeople(ctx context.Context, q string, limit int) ([]*Account, error) {
	q = strings.TrimPrefix(strings.TrimSpace(q), "@")
	if q == "" {
		return nil, nil
	}
	as, err := s.store.SearchAccounts(ctx, q, clampLimit(limit))
	if err != nil {
		return nil, withContext("search people", err)
	}
	kept := as[:0]
	for _, a := range as { // people of a silenced server stay off search
		silenced, err := s.silencedAccount(ctx, a)
		if err != nil {
			return nil, err
		}
		if !silenced {
			kept = append(kept, a)
		}
	}
	return kept, nil
}

func (s *Service) listPins(ctx context.Context, viewer *Account, q PinQuery) (*Page, error) {
	q.Limit = clampLimit(q.Limit)
	if viewer != nil {
		q.ViewerID = viewer.ID
	}
	// One more than asked tells whether there is a next page.
	want := q.Limit
	q.Limit++
	pins, err := s.store.ListPins(ctx, q)
	if err != nil {
		return nil, withContext("list pins", err)
	}
	page := &Page{Pins: pins}
	if len(pins) > want {
		page.Pins = pins[:want]
		page.Next = page.Pins[want-1].ID
	}
	return page, s.Hydrate(ctx, viewer, page.Pins)
}

func (s *Service) loadBoardOwners(ctx context.Context, boards []*Board) error {
	ids := make([]int64, len(boards))
	for i, b := range boards {
		ids[i] = b.AccountID
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return withContext("board owners", err)
	}
	for _, b := range boards {
		b.Account = accounts[b.AccountID]
	}
	return s.loadCovers(ctx, boards)
}
