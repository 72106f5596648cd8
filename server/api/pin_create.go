package api

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// multipartMemory is how much of a multipart body is held in memory; the
// rest of a file goes to a temporary file, so a 20 MB upload does not
// cost 20 MB of heap before the media pipeline even sees it.
const multipartMemory = 256 << 10

// createPin is POST /api/v1/pins: multipart/form-data with a file, or a
// form or JSON body with image_url or page_url.
func (a *API) createPin(c echo.Context) error {
	p, file, err := a.uploadParams(c)
	if err != nil {
		return err
	}
	defer file.Close()
	in, err := pinInput(p, file)
	if err != nil {
		return err
	}
	pin, err := a.Service.CreatePin(c.Request().Context(), viewer(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newPinJSON(pin))
}

func pinInput(p url.Values, f *uploadFile) (corkboard.PinInput, error) {
	boardID, err := formID(p, "board_id", true)
	if err != nil {
		return corkboard.PinInput{}, err
	}
	in := corkboard.PinInput{BoardID: boardID, Title: p.Get("title"), Description: p.Get("description"),
		AltText: p.Get("alt_text"), Link: p.Get("link"), ImageURL: p.Get("image_url"), PageURL: p.Get("page_url")}
	sources := 0
	for _, given := range []bool{f.f != nil, in.ImageURL != "", in.PageURL != ""} {
		if given {
			sources++
		}
	}
	if sources > 1 {
		return in, corkboard.Errorf(corkboard.EINVALID, "give only one of file, image_url and page_url")
	}
	if f.f != nil {
		in.Image = f.f
	}
	return in, nil
}

// uploadFile is the "file" part of an upload, if any. Close releases it
// and the temporary files of the whole form.
type uploadFile struct {
	f    multipart.File
	form *multipart.Form
}

func (u *uploadFile) Close() {
	if u.f != nil {
		_ = u.f.Close()
	}
	if u.form != nil {
		_ = u.form.RemoveAll()
	}
}

// uploadParams reads an upload route's parameters. The server's body limit
// skips upload routes, so the body is capped here: the upload cap plus
// 1 MiB for the other fields and the multipart framing.
func (a *API) uploadParams(c echo.Context) (url.Values, *uploadFile, error) {
	r := c.Request()
	r.Body = http.MaxBytesReader(c.Response(), r.Body, a.MaxUploadBytes+1<<20)
	if mt, _, _ := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType)); mt != echo.MIMEMultipartForm {
		p, err := params(c)
		return p, &uploadFile{}, uploadError(err, a.MaxUploadBytes)
	}
	if err := r.ParseMultipartForm(multipartMemory); err != nil {
		if r.MultipartForm != nil {
			_ = r.MultipartForm.RemoveAll()
		}
		return nil, nil, uploadError(err, a.MaxUploadBytes)
	}
	up := &uploadFile{form: r.MultipartForm}
	p := url.Values(r.MultipartForm.Value)
	for k, vs := range c.QueryParams() {
		if !p.Has(k) {
			p[k] = vs
		}
	}
	if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 {
		f, err := fhs[0].Open()
		if err != nil {
			up.Close()
			return nil, nil, err // a temporary file we wrote could not be read: ours to log
		}
		up.f = f
	}
	return p, up, nil
}

// uploadError explains a body that could not be read: too large is 413
// with the limit, anything else a malformed request.
func uploadError(err error, maxBytes int64) error {
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooLarge):
		return corkboard.Errorf(corkboard.ETOOLARGE, "the upload is too large: the limit is %d MB", maxBytes>>20)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, multipart.ErrMessageTooLarge):
		return echo.NewHTTPError(http.StatusBadRequest, "The upload could not be read: the multipart body is malformed or incomplete")
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return err
	}
	return echo.NewHTTPError(http.StatusBadRequest, "The upload could not be read: the multipart body is malformed")
}
