package api

import (
	"context"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// savePin is POST /api/v1/pins/:id/save with board_id: a copy of the pin
// on one of the viewer's boards. It answers the new pin.
func (a *API) savePin(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	p, err := params(c)
	if err != nil {
		return err
	}
	boardID, err := formID(p, "board_id", true)
	if err != nil {
		return err
	}
	pin, err := a.Service.SavePin(c.Request().Context(), viewer(c), id, boardID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newPinJSON(pin))
}

// likePin is POST /api/v1/pins/:id/like (Mastodon's favourite).
func (a *API) likePin(c echo.Context) error { return a.pinAction(c, a.Service.LikePin) }

// unlikePin is POST /api/v1/pins/:id/unlike.
func (a *API) unlikePin(c echo.Context) error { return a.pinAction(c, a.Service.UnlikePin) }

// pinAction runs a use case that takes a pin id and answers the pin.
func (a *API) pinAction(c echo.Context, action func(context.Context, *corkboard.Account, int64) (*corkboard.Pin, error)) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	pin, err := action(c.Request().Context(), viewer(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newPinJSON(pin))
}
