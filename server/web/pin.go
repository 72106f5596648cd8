package web

import (
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// The pin page shows this many comments at a time (then a "More comments"
// link) and this many "more from this board" pins.
const (
	pinPageComments = 50
	pinPageMore     = 20
)

// pinPage is the data of a pin's page.
type pinPage struct {
	*corkboard.PinView
	More    pinGrid
	Save    saveForm
	IsOwner bool
	// CommentsAfter is the ?after= cursor of this page of comments (0 on
	// the first page); MoreComments links to the next page, "" at the end.
	CommentsAfter int64
	MoreComments  string
}

func (w *Web) pin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	after := commentsAfter(c)
	// One comment more than shown tells whether a next page exists, so the
	// last page never links to an empty one.
	v, err := w.Service.PinPage(c.Request().Context(), me, id, after, pinPageComments+1, pinPageMore)
	if err != nil {
		return err
	}
	var moreComments string
	if len(v.Comments) > pinPageComments {
		v.Comments = v.Comments[:pinPageComments]
		moreComments = pinURL(v.Pin) + "?after=" + strconv.FormatInt(v.Comments[pinPageComments-1].ID, 10) + "#comments"
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	more := newGrid(c, &corkboard.Page{Pins: v.More}, boards)
	page := pinPage{PinView: v, More: more, Save: more.SaveFor(v.Pin), IsOwner: me != nil && me.ID == v.Pin.AccountID,
		CommentsAfter: after, MoreComments: moreComments}
	return w.render(c, http.StatusOK, "pin", pinTitle(v.Pin), page)
}

// commentsAfter reads the comments' cursor, "?after=<comment id>"; anything
// else is the first page.
func commentsAfter(c echo.Context) int64 {
	n, err := strconv.ParseInt(c.QueryParam("after"), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
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
