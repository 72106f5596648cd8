package api

import (
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// createBoard is POST /api/v1/boards.
func (a *API) createBoard(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	in, err := boardInput(p, corkboard.BoardInput{})
	if err != nil {
		return err
	}
	b, err := a.Service.CreateBoard(c.Request().Context(), viewer(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newBoardJSON(b)) // a new board has no cover yet
}

// board is GET /api/v1/boards/:id.
func (a *API) board(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	b, err := a.Service.BoardByID(c.Request().Context(), viewer(c), id)
	if err != nil {
		return err
	}
	return a.respondBoard(c, b)
}

// updateBoard is PATCH (and PUT) /api/v1/boards/:id. Only the fields a
// client sends change, so a client can rename a board without knowing
// its description.
func (a *API) updateBoard(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	p, err := params(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// Reading first answers "not found" for someone else's secret board
	// and gives the current values of the fields not sent.
	cur, err := a.Service.BoardByID(ctx, viewer(c), id)
	if err != nil {
		return err
	}
	in, err := boardInput(p, corkboard.BoardInput{Title: cur.Title, Description: cur.Description, Secret: cur.Secret})
	if err != nil {
		return err
	}
	b, err := a.Service.UpdateBoard(ctx, viewer(c), id, in)
	if err != nil {
		return err
	}
	return a.respondBoard(c, b)
}

// deleteBoard is DELETE /api/v1/boards/:id: the board and all its pins.
func (a *API) deleteBoard(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	if err := a.Service.DeleteBoard(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}

// respondBoard answers one board with its cover, which the single-board
// Service methods do not load.
func (a *API) respondBoard(c echo.Context, b *corkboard.Board) error {
	if err := a.Service.LoadBoardCovers(c.Request().Context(), b); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newBoardJSON(b))
}

// boardInput applies the board parameters a request sends onto cur.
func boardInput(p url.Values, cur corkboard.BoardInput) (corkboard.BoardInput, error) {
	in := cur
	in.Title = formString(p, "title", cur.Title)
	in.Description = formString(p, "description", cur.Description)
	in.Slug = formString(p, "slug", "")
	var err error
	if in.Secret, err = formBool(p, "secret", cur.Secret); err != nil {
		return in, err
	}
	in.CoverPinID, err = formID(p, "cover_pin_id", false)
	return in, err
}
