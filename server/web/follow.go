package web

import (
	"github.com/labstack/echo/v4"
)

// Following people and boards. Each is one button that posts here and
// comes back to the page it was on.

func (w *Web) followAccount(c echo.Context) error {
	username := c.Param("username")
	_, err := w.Service.FollowAccount(c.Request().Context(), currentAccount(c), username)
	return w.afterAction(c, err, "/@"+username, "")
}

func (w *Web) unfollowAccount(c echo.Context) error {
	username := c.Param("username")
	err := w.Service.UnfollowAccount(c.Request().Context(), currentAccount(c), username)
	return w.afterAction(c, err, "/@"+username, "")
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
