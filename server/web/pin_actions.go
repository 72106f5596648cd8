package web

import (
	"github.com/labstack/echo/v4"
)

// Likes and saves: one button (or a board picker and a button) on a pin's
// card or page, answered with 303 back to that page.

func (w *Web) likePin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := w.Service.LikePin(c.Request().Context(), currentAccount(c), id)
	if err != nil {
		return err
	}
	return w.afterAction(c, nil, pinURL(p), "")
}

func (w *Web) unlikePin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := w.Service.UnlikePin(c.Request().Context(), currentAccount(c), id)
	if err != nil {
		return err
	}
	return w.afterAction(c, nil, pinURL(p), "")
}

// savePin saves (repins) a pin to one of the viewer's boards.
func (w *Web) savePin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	saved, err := w.Service.SavePin(c.Request().Context(), currentAccount(c), id, formID(c, "board_id"))
	if err != nil {
		return w.afterAction(c, err, "/pins/"+c.Param("id"), "")
	}
	return w.afterAction(c, nil, pinURL(saved), "Saved to “"+saved.Board.Title+"”.")
}
