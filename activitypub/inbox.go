package activitypub

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// The inboxes: thin handlers over acceptActivity (inbox_accept.go). Each
// answers 202 once the activity is stored and its processing queued; the
// processing job (process.go) applies it later, off the request path.

// sharedInbox receives activities for anyone here (/inbox, /actor/inbox).
func (f *Federation) sharedInbox(c echo.Context) error {
	return f.receive(c, nil)
}

// personInbox receives activities addressed to one person, and records
// who, so that a later conversation can tell a personal delivery from a
// shared one.
func (f *Federation) personInbox(c echo.Context) error {
	a, err := f.Store.AccountByUsername(c.Request().Context(), c.Param("username"))
	if err != nil || hidden(a) {
		return echo.NewHTTPError(http.StatusNotFound, "no such inbox")
	}
	return f.receive(c, []int64{a.ID})
}

// groupInbox receives activities for a public board (follows, mostly).
func (f *Federation) groupInbox(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no such inbox")
	}
	b, err := f.Store.BoardByID(c.Request().Context(), id)
	if err != nil || b.Secret || b.IRI != "" {
		return echo.NewHTTPError(http.StatusNotFound, "no such inbox")
	}
	return f.receive(c, nil)
}

// receive accepts one delivery and answers 202 Accepted.
func (f *Federation) receive(c echo.Context, recipients []int64) error {
	if err := f.acceptActivity(c.Response(), c.Request(), recipients); err != nil {
		return err
	}
	return c.NoContent(http.StatusAccepted)
}
