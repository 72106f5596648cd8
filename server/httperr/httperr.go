// Package httperr maps domain error kinds to HTTP statuses, in one place
// for every HTTP surface (pages and API).
package httperr

import (
	"errors"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

var statusByCode = map[string]int{
	corkboard.EINVALID:      http.StatusUnprocessableEntity,
	corkboard.ENOTFOUND:     http.StatusNotFound,
	corkboard.EUNAUTHORIZED: http.StatusUnauthorized,
	corkboard.EFORBIDDEN:    http.StatusForbidden,
	corkboard.ECONFLICT:     http.StatusConflict,
	corkboard.ERATELIMIT:    http.StatusTooManyRequests,
	corkboard.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	corkboard.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	corkboard.EINTERNAL:     http.StatusInternalServerError,
}

// Status returns the HTTP status and a message safe to show for err.
// Echo's own errors (404 for unknown routes, 413 from the body limit) keep
// their status.
func Status(err error) (int, string) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg, ok := he.Message.(string)
		if !ok || he.Code >= 500 {
			msg = http.StatusText(he.Code)
		}
		return he.Code, msg
	}
	code := corkboard.ErrorCode(err)
	status, ok := statusByCode[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	return status, corkboard.ErrorMessage(err)
}
