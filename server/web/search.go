package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// search answers the header's search box until search arrives, so that
// using it leads to a friendly page rather than a 404.
func (w *Web) search(c echo.Context) error {
	q := c.QueryParam("q")
	return w.render(c, http.StatusOK, "search", "Search", struct{ Query string }{q})
}
