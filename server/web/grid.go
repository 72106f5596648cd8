package web

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// pinGrid is a page of pins as the grid partial draws them: cards, each
// with a Save menu for a signed-in viewer, and a link to the next page.
type pinGrid struct {
	Pins     []*corkboard.Pin
	Next     string             // URL of the next page; "" at the end
	MyBoards []*corkboard.Board // the viewer's boards, for Save; nil when signed out
	CSRF     string
	ReturnTo string
}

// saveForm is the data of a Save menu: one pin, the boards it may go to.
type saveForm struct {
	PinID    int64
	Boards   []*corkboard.Board
	CSRF     string
	ReturnTo string
}

// newGrid wraps a page of pins for the grid partial.
func newGrid(c echo.Context, page *corkboard.Page, myBoards []*corkboard.Board) pinGrid {
	return pinGrid{Pins: page.Pins, Next: nextURL(c, page.Next), MyBoards: myBoards,
		CSRF: csrfToken(c), ReturnTo: requestPath(c)}
}

// SaveFor is the Save menu of one card (templates call it per pin).
func (g pinGrid) SaveFor(p *corkboard.Pin) saveForm {
	return saveForm{PinID: p.ID, Boards: g.MyBoards, CSRF: g.CSRF, ReturnTo: g.ReturnTo}
}

// myBoards lists the signed-in person's boards (secret ones included),
// for Save menus and board pickers; nil when nobody is signed in.
func (w *Web) myBoards(c echo.Context) ([]*corkboard.Board, error) {
	me := currentAccount(c)
	if me == nil {
		return nil, nil
	}
	return w.Service.Boards(c.Request().Context(), me, me)
}
