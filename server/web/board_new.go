package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// boardForm is the data of the new-board and edit-board forms; it keeps
// what was typed when the form comes back with an error.
type boardForm struct {
	Board       *corkboard.Board // the board being edited; nil for a new one
	Title       string
	Description string
	Secret      bool
	ReturnTo    string // where a new board goes next (the pin form that asked for it)
	Error       string
}

func (f *boardForm) input() corkboard.BoardInput {
	return corkboard.BoardInput{Title: f.Title, Description: f.Description, Secret: f.Secret}
}

// readBoardForm reads the posted fields.
func readBoardForm(c echo.Context) boardForm {
	return boardForm{Title: c.FormValue("title"), Description: c.FormValue("description"),
		Secret: c.FormValue("secret") != "", ReturnTo: safeNext(c.FormValue("return_to"))}
}

func (w *Web) newBoardForm(c echo.Context) error {
	return w.render(c, http.StatusOK, "board_form", "Create board", boardForm{ReturnTo: safeNext(c.QueryParam("return_to"))})
}

// createBoard makes a board, then opens it, or goes back to the form that
// asked for a board (the pin form), with the new board chosen.
func (w *Web) createBoard(c echo.Context) error {
	f := readBoardForm(c)
	me := currentAccount(c)
	b, err := w.Service.CreateBoard(c.Request().Context(), me, f.input())
	if err != nil {
		return w.formError(c, err, "board_form", "Create board", &f.Error, &f)
	}
	w.setFlash(c, "success", "Board “"+b.Title+"” created.")
	if f.ReturnTo == "/pins/new" {
		return redirect(c, "/pins/new?board="+formatID(b.ID))
	}
	return redirect(c, boardURL(me, b))
}
