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
	v, err := w.Service.BoardPage(c.Request().Context(), me, c.Param("username"), c.Param("slug"), cursor(c), pageSize)
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
