package web

import (
	"github.com/labstack/echo/v4"
)

// Following people and boards. Each is one button that posts here and
// comes back to the page it was on.

// followAccount follows /@alice, or /@bob@host on another server (whose
// server then has to accept: the button reads "Requested" until it does).
func (w *Web) followAccount(c echo.Context) error {
	name := c.Param("username")
	_, err := w.Service.FollowNamed(c.Request().Context(), currentAccount(c), name)
	return w.afterAction(c, err, "/@"+name, "")
}

func (w *Web) unfollowAccount(c echo.Context) error {
	name := c.Param("username")
	err := w.Service.UnfollowNamed(c.Request().Context(), currentAccount(c), name)
	return w.afterAction(c, err, "/@"+name, "")
}

func (w *Web) followBoard(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	_, err = w.Service.FollowBoard(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/", "")
}

func (w *Web) unfollowBoard(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = w.Service.UnfollowBoard(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/", "")
}
