package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

const (
	// defaultMaxUpload is the image size cap when Deps leaves it unset
	// (the server's MaxUploadBytes default).
	defaultMaxUpload = 20 << 20
	// uploadOverhead is room for the text fields and multipart framing
	// around a file of the largest allowed size.
	uploadOverhead = 1 << 20
	// uploadMemory is how much of a multipart body is kept in memory; the
	// rest of a file spills to a temporary file.
	uploadMemory = 256 << 10
)

func (w *Web) maxUpload() int64 {
	if w.MaxUploadBytes > 0 {
		return w.MaxUploadBytes
	}
	return defaultMaxUpload
}

// parseUpload reads the pin form's multipart body under a size cap. It runs
// before the CSRF check, which reads the token from the form: left to
// itself that check would parse the body with no cap at all (the server
// exempts this path from its 1 MB body limit, for the file's sake).
func (w *Web) parseUpload(next echo.HandlerFunc) echo.HandlerFunc {
	return w.parseUploadFor(w.pinFormRefused)(next)
}

// parseUploadFor is parseUpload for any form with a file; refused shows
// that form again with a message.
func (w *Web) parseUploadFor(refused func(c echo.Context, status int, msg string) error) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return w.uploadParser(next, refused) }
}

func (w *Web) uploadParser(next echo.HandlerFunc, refused func(c echo.Context, status int, msg string) error) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		r.Body = http.MaxBytesReader(c.Response(), r.Body, w.maxUpload()+uploadOverhead)
		err := r.ParseMultipartForm(uploadMemory)
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll() // the temporary files of the upload
		}
		var tooLarge *http.MaxBytesError
		switch {
		case err == nil, errors.Is(err, http.ErrNotMultipart): // a plain form was parsed as one
		case errors.As(err, &tooLarge):
			return refused(c, http.StatusRequestEntityTooLarge, "The file is too large: the limit is "+megabytes(w.maxUpload())+".")
		default:
			return echo.NewHTTPError(http.StatusBadRequest, "The form could not be read. Please try again.")
		}
		return next(c)
	}
}

// openUpload opens the uploaded file of a form field, or returns nil when
// none was chosen.
func openUpload(c echo.Context, field string) (io.ReadCloser, error) {
	fh, err := c.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, nil
	}
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest, "The file could not be read. Please try again.")
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	return f, nil
}

// megabytes renders a size cap for people ("20 MB").
func megabytes(n int64) string {
	return strconv.FormatInt((n+(1<<20)-1)>>20, 10) + " MB"
}
