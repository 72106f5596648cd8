package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// boardPage is the data of a board's page.
type boardPage struct {
	*corkboard.BoardView
	Grid    pinGrid
	IsOwner bool
}

// board shows a board and its pins. A secret board is a 404 for everyone
// but its owner (the Service decides).
func (w *Web) board(c echo.Context) error {
	me := currentAccount(c)
	v, err := w.boardView(c, me)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	page := boardPage{BoardView: v, Grid: newGrid(c, v.Pins, boards), IsOwner: me != nil && me.ID == v.Board.AccountID}
	return w.render(c, http.StatusOK, "board", v.Board.Title, page)
}

// boardView gathers a local board (/@alice/recipes) or one on another
// server (/@bob@host/recipes).
func (w *Web) boardView(c echo.Context, me *corkboard.Account) (*corkboard.BoardView, error) {
	ctx, owner, slug := c.Request().Context(), c.Param("username"), c.Param("slug")
	if w.Service.IsRemoteName(owner) {
		return w.Service.RemoteBoardPage(ctx, me, owner, slug, cursor(c), pageSize)
	}
	return w.Service.BoardPage(ctx, me, localName(owner), slug, cursor(c), pageSize)
}
