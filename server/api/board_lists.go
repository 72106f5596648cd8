package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// accountBoards is GET /api/v1/accounts/:id/boards: a person's boards,
// most recently changed first, with the viewer's own secret ones when the
// viewer is that person. Not paged: a person has at most 1000 boards.
func (a *API) accountBoards(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	owner, err := a.Service.PublicProfileByID(ctx, id)
	if err != nil {
		return err
	}
	boards, err := a.Service.Boards(ctx, viewer(c), owner)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newBoardsJSON(boards))
}

// boardPins is GET /api/v1/boards/:id/pins, newest first, paged by max_id.
func (a *API) boardPins(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	pr, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// BoardPins leaves the board's visibility to its caller: without this
	// a secret board would answer an empty list instead of "not found".
	if _, err := a.Service.BoardByID(ctx, viewer(c), id); err != nil {
		return err
	}
	page, err := a.Service.BoardPins(ctx, viewer(c), id, pr.Cursor, pr.Limit)
	if err != nil {
		return err
	}
	a.setNextLink(c, "max_id", page.Next)
	return c.JSON(http.StatusOK, a.newPinsJSON(page.Pins))
}
