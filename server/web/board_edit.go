package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// editBoardForm shows a board's settings to its owner. Anyone else gets
// what BoardByID says: 404 for a secret board, else 403 on saving.
func (w *Web) editBoardForm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	b, err := w.Service.BoardByID(c.Request().Context(), me, id)
	if err != nil {
		return err
	}
	if b.AccountID != me.ID {
		return echo.NewHTTPError(http.StatusForbidden, "Only the board’s owner can change it.")
	}
	f := boardForm{Board: b, Title: b.Title, Description: b.Description, Secret: b.Secret}
	return w.render(c, http.StatusOK, "board_form", "Edit board", f)
}

func (w *Web) updateBoard(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	f := readBoardForm(c)
	b, err := w.Service.UpdateBoard(c.Request().Context(), me, id, f.input())
	if err != nil {
		if f.Board, _ = w.Service.BoardByID(c.Request().Context(), me, id); f.Board == nil {
			return err
		}
		return w.formError(c, err, "board_form", "Edit board", &f.Error, &f)
	}
	w.setFlash(c, "success", "Board saved.")
	return redirect(c, boardURL(me, b))
}

// deleteBoard deletes a board with all its pins (the form asks first).
func (w *Web) deleteBoard(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	if err := w.Service.DeleteBoard(c.Request().Context(), me, id); err != nil {
		return err
	}
	w.setFlash(c, "success", "Board deleted.")
	return redirect(c, "/@"+me.Username)
}
