package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// The pin page shows this many comments and "more from this board" pins.
const (
	pinPageComments = 100
	pinPageMore     = 20
)

// pinPage is the data of a pin's page.
type pinPage struct {
	*corkboard.PinView
	More    pinGrid
	Save    saveForm
	IsOwner bool
}

func (w *Web) pin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	v, err := w.Service.PinPage(c.Request().Context(), me, id, pinPageComments, pinPageMore)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	more := newGrid(c, &corkboard.Page{Pins: v.More}, boards)
	page := pinPage{PinView: v, More: more, Save: more.SaveFor(v.Pin), IsOwner: me != nil && me.ID == v.Pin.AccountID}
	return w.render(c, http.StatusOK, "pin", pinTitle(v.Pin), page)
}

// pinTitle names a pin in the window title: its title, else the start of
// its description, else whose pin it is.
func pinTitle(p *corkboard.Pin) string {
	switch {
	case p.Title != "":
		return p.Title
	case p.Description != "":
		if r := []rune(p.Description); len(r) > 60 {
			return string(r[:59]) + "…"
		}
		return p.Description
	case p.Account != nil:
		return "Pin by " + p.Account.Name()
	}
	return "Pin"
}
