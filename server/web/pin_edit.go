package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// pinEditForm is the data of the edit-pin form.
type pinEditForm struct {
	Pin    *corkboard.Pin
	Boards []*corkboard.Board
	corkboard.PinEdit
	Error string
}

func (w *Web) editPinForm(c echo.Context) error {
	f, err := w.loadPinEdit(c)
	if err != nil {
		return err
	}
	p := f.Pin
	f.PinEdit = corkboard.PinEdit{Title: p.Title, Description: p.Description, AltText: p.AltText, Link: p.Link, BoardID: p.BoardID}
	return w.render(c, http.StatusOK, "pin_edit", "Edit pin", f)
}

func (w *Web) updatePin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e := corkboard.PinEdit{Title: c.FormValue("title"), Description: c.FormValue("description"),
		AltText: c.FormValue("alt_text"), Link: c.FormValue("link"), BoardID: formID(c, "board_id")}
	p, err := w.Service.UpdatePin(c.Request().Context(), currentAccount(c), id, e)
	if err != nil {
		f, lerr := w.loadPinEdit(c)
		if lerr != nil {
			return lerr
		}
		f.PinEdit = e
		return w.formError(c, err, "pin_edit", "Edit pin", &f.Error, &f)
	}
	w.setFlash(c, "success", "Pin saved.")
	return redirect(c, pinURL(p))
}

// loadPinEdit loads the pin and the owner's boards for the form. Someone
// else's pin is 403 (or 404 when it is secret: the Service decides).
func (w *Web) loadPinEdit(c echo.Context) (pinEditForm, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return pinEditForm{}, err
	}
	me := currentAccount(c)
	p, err := w.Service.Pin(c.Request().Context(), me, id)
	if err != nil {
		return pinEditForm{}, err
	}
	if p.AccountID != me.ID {
		return pinEditForm{}, echo.NewHTTPError(http.StatusForbidden, "Only the pin’s owner can change it.")
	}
	boards, err := w.myBoards(c)
	return pinEditForm{Pin: p, Boards: boards}, err
}

// deletePin deletes a pin (the form asks first) and goes back to its board.
func (w *Web) deletePin(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	me := currentAccount(c)
	if err := w.Service.DeletePin(c.Request().Context(), me, id); err != nil {
		return err
	}
	w.setFlash(c, "success", "Pin deleted.")
	return redirect(c, backTo(c, "/@"+me.Username))
}
