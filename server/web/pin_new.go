package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Where a new pin's image comes from: the form's three tabs.
const (
	sourceUpload   = "upload"
	sourceImageURL = "image_url"
	sourcePageURL  = "page_url"
)

// pinForm is the data of the create-pin form; it keeps what was typed
// when the form comes back with an error.
type pinForm struct {
	Boards                            []*corkboard.Board
	BoardID                           int64
	Source, ImageURL, PageURL         string
	Title, Description, AltText, Link string
	MaxBytes                          int64 // for the browser's own size check
	MaxSize                           string
	Error                             string
}

func (w *Web) newPinForm(c echo.Context) error {
	return w.renderPinForm(c, http.StatusOK, pinForm{BoardID: formID(c, "board"), Source: sourceUpload})
}

func (w *Web) createPin(c echo.Context) error {
	f := readPinForm(c)
	in := corkboard.PinInput{BoardID: f.BoardID, Title: f.Title, Description: f.Description, AltText: f.AltText, Link: f.Link}
	switch f.Source {
	case sourceUpload:
		file, err := openUpload(c, "image")
		if err != nil {
			return err
		}
		if file != nil {
			defer file.Close()
			in.Image = file
		}
	case sourceImageURL:
		in.ImageURL = f.ImageURL
	case sourcePageURL:
		in.PageURL = f.PageURL
	}
	p, err := w.Service.CreatePin(c.Request().Context(), currentAccount(c), in)
	if err != nil {
		return w.pinFormError(c, err, f)
	}
	return redirect(c, pinURL(p))
}

// readPinForm reads the posted fields. Without a tab choice (a script's
// post) the source is whichever field was filled in.
func readPinForm(c echo.Context) pinForm {
	f := pinForm{BoardID: formID(c, "board_id"), Source: c.FormValue("source"),
		ImageURL: c.FormValue("image_url"), PageURL: c.FormValue("page_url"),
		Title: c.FormValue("title"), Description: c.FormValue("description"),
		AltText: c.FormValue("alt_text"), Link: c.FormValue("link")}
	if f.Source != sourceUpload && f.Source != sourceImageURL && f.Source != sourcePageURL {
		switch {
		case f.PageURL != "":
			f.Source = sourcePageURL
		case f.ImageURL != "":
			f.Source = sourceImageURL
		default:
			f.Source = sourceUpload
		}
	}
	return f
}

// pinFormError shows the form again with the Service's refusal, under the
// refusal's status (415 for an SVG, 413 for a file too large, ...).
func (w *Web) pinFormError(c echo.Context, err error, f pinForm) error {
	if berr := w.fillPinForm(c, &f); berr != nil {
		return berr
	}
	return w.formError(c, err, "pin_new", "Create pin", &f.Error, &f)
}

// pinFormRefused shows an empty form with msg, for a body that could not
// be read at all.
func (w *Web) pinFormRefused(c echo.Context, status int, msg string) error {
	return w.renderPinForm(c, status, pinForm{Source: sourceUpload, Error: msg})
}

func (w *Web) renderPinForm(c echo.Context, status int, f pinForm) error {
	if err := w.fillPinForm(c, &f); err != nil {
		return err
	}
	return w.render(c, status, "pin_new", "Create pin", f)
}

// fillPinForm adds the board choices, the size cap and, when no board was
// chosen, the most recently used board.
func (w *Web) fillPinForm(c echo.Context, f *pinForm) error {
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	f.Boards, f.MaxBytes, f.MaxSize = boards, w.maxUpload(), megabytes(w.maxUpload())
	if f.BoardID == 0 && len(boards) > 0 {
		f.BoardID = boards[0].ID
	}
	return nil
}
