package web

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// comment adds a comment to a pin and goes back to the pin's comments.
func (w *Web) comment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	back := "/pins/" + strconv.FormatInt(id, 10) + "#comments"
	_, err = w.Service.Comment(c.Request().Context(), currentAccount(c), id, c.FormValue("text"))
	return w.afterAction(c, err, back, "")
}

// deleteComment removes a comment; its author or the pin's owner may.
func (w *Web) deleteComment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = w.Service.DeleteComment(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/", "Comment deleted.")
}
