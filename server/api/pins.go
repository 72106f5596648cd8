package api

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// pin is GET /api/v1/pins/:id.
func (a *API) pin(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	p, err := a.Service.Pin(c.Request().Context(), viewer(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newPinJSON(p))
}

// updatePin is PATCH /api/v1/pins/:id: edits the text fields a client
// sends, and moves the pin when it sends board_id.
func (a *API) updatePin(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	p, err := params(c)
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	// Reading first answers "not found" for someone else's secret pin and
	// gives the current values of the fields not sent.
	cur, err := a.Service.Pin(ctx, actor, id)
	if err != nil {
		return err
	}
	boardID, err := formID(p, "board_id", false)
	if err != nil {
		return err
	}
	edit := corkboard.PinEdit{Title: formString(p, "title", cur.Title), Description: formString(p, "description", cur.Description),
		AltText: formString(p, "alt_text", cur.AltText), Link: formString(p, "link", cur.Link), BoardID: boardID}
	pin, err := a.Service.UpdatePin(ctx, actor, id, edit)
	if err != nil {
		return err
	}
	// UpdatePin returns the stored pin; owner, board and likes are loaded
	// for display like every other pin answer.
	if err := a.Service.Hydrate(ctx, actor, []*corkboard.Pin{pin}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newPinJSON(pin))
}

// deletePin is DELETE /api/v1/pins/:id.
func (a *API) deletePin(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	if err := a.Service.DeletePin(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}
