package activitypub

import (
	"context"
	"encoding/json"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Outboxes list what an actor published: a person's Creates of their
// public pins, a board's Announces of its pins. Secret pins (and so every
// pin of a secret board) never appear; PublicPinIDs cannot return them.

// personOutbox serves /users/{username}/outbox.
func (f *Federation) personOutbox(c echo.Context) error {
	ctx := c.Request().Context()
	a, err := f.Service.PublicProfile(ctx, c.Param("username"))
	if err != nil {
		return err
	}
	total, err := f.Store.CountPublicPins(ctx, a.ID, 0)
	if err != nil {
		return err
	}
	return f.serveCollection(c, f.personIRI(a.Username)+"/outbox", total,
		func(ctx context.Context, q pageQuery, limit int) (*pageItems, error) {
			return f.pinPage(ctx, corkboard.PinIDQuery{AccountID: a.ID, BeforeID: q.before, AfterID: q.after, Limit: limit},
				func(p *corkboard.Pin, savedFrom string) ([]byte, error) { return f.pinCreateJSON(p, a, savedFrom) })
		})
}

// groupOutbox serves /boards/{id}/outbox.
func (f *Federation) groupOutbox(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := f.publicBoard(ctx, c)
	if err != nil {
		return err
	}
	total, err := f.Store.CountPublicPins(ctx, 0, b.ID)
	if err != nil {
		return err
	}
	return f.serveCollection(c, f.boardIRI(b.ID)+"/outbox", total,
		func(ctx context.Context, q pageQuery, limit int) (*pageItems, error) {
			return f.pinPage(ctx, corkboard.PinIDQuery{BoardID: b.ID, BeforeID: q.before, AfterID: q.after, Limit: limit},
				func(p *corkboard.Pin, _ string) ([]byte, error) { return f.boardAnnounceJSON(p) })
		})
}

// pinPage loads a page of public pins, with the pins they were saved
// from, in three queries, and turns each into an activity.
func (f *Federation) pinPage(ctx context.Context, q corkboard.PinIDQuery,
	doc func(p *corkboard.Pin, savedFrom string) ([]byte, error)) (*pageItems, error) {
	ids, err := f.Store.PublicPinIDs(ctx, q)
	if err != nil || len(ids) == 0 {
		return &pageItems{}, err
	}
	pins, err := f.Store.PinsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	var origIDs []int64
	for _, p := range pins {
		if p.SavedFromID != 0 {
			origIDs = append(origIDs, p.SavedFromID)
		}
	}
	origs := map[int64]*corkboard.Pin{}
	if len(origIDs) > 0 {
		if origs, err = f.Store.PinsByIDs(ctx, origIDs); err != nil {
			return nil, err
		}
	}
	items := &pageItems{}
	for _, id := range ids {
		p := pins[id]
		if p == nil {
			continue // deleted since the ids were read
		}
		body, err := doc(p, f.savedFromIRI(origs[p.SavedFromID]))
		if err != nil {
			return nil, err
		}
		items.cursors, items.docs = append(items.cursors, id), append(items.docs, json.RawMessage(body))
	}
	return items, nil
}
