package api

import (
	"context"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// homeTimeline is GET /api/v1/timelines/home: the viewer's pins and those
// of the people and boards they follow, newest first.
func (a *API) homeTimeline(c echo.Context) error {
	return a.pinPage(c, func(ctx context.Context, pr pageRequest) (*corkboard.Page, error) {
		return a.Service.HomeFeed(ctx, viewer(c), pr.Cursor, pr.Limit)
	})
}

// tagPins is GET /api/v1/tags/:tag/pins: pins whose description has #tag.
func (a *API) tagPins(c echo.Context) error {
	return a.pinPage(c, func(ctx context.Context, pr pageRequest) (*corkboard.Page, error) {
		return a.Service.TagPins(ctx, viewer(c), c.Param("tag"), pr.Cursor, pr.Limit)
	})
}

// searchPins is GET /api/v1/search/pins?q=: pins whose title, description
// or tags match every word (the last one as a prefix).
func (a *API) searchPins(c echo.Context) error {
	return a.pinPage(c, func(ctx context.Context, pr pageRequest) (*corkboard.Page, error) {
		return a.Service.SearchPins(ctx, viewer(c), c.QueryParam("q"), pr.Cursor, pr.Limit)
	})
}

// accountPins is GET /api/v1/accounts/:id/pins: a person's pins.
func (a *API) accountPins(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	return a.pinPage(c, func(ctx context.Context, pr pageRequest) (*corkboard.Page, error) {
		if _, err := a.Service.PublicProfileByID(ctx, id); err != nil {
			return nil, err
		}
		return a.Service.AccountPins(ctx, viewer(c), id, pr.Cursor, pr.Limit)
	})
}

// pinPage answers one page of pins, newest first, with a Link to the next
// page (?max_id=) when there is one.
func (a *API) pinPage(c echo.Context, list func(context.Context, pageRequest) (*corkboard.Page, error)) error {
	pr, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	page, err := list(c.Request().Context(), pr)
	if err != nil {
		return err
	}
	a.setNextLink(c, "max_id", page.Next)
	return c.JSON(http.StatusOK, a.newPinsJSON(page.Pins))
}
