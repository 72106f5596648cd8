package api

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// oauthErrorJSON is the error body of RFC 6749 §5.2, which OAuth client
// libraries parse by its "error" name.
type oauthErrorJSON struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

// oauthError answers an error from an OAuth use case in RFC 6749's shape.
// Errors without an OAuth name (a failing database) go to the server's
// error handler, which logs them and answers 500.
func oauthError(c echo.Context, err error) error {
	name := corkboard.OAuthErrorName(err)
	if name == "" {
		return err
	}
	status := http.StatusBadRequest
	if name == corkboard.OAuthInvalidClient {
		status = http.StatusUnauthorized
		// RFC 6749 §5.2: a 401 names the scheme the client should use.
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Basic realm="corkboard"`)
	}
	return c.JSON(status, oauthErrorJSON{Error: name, Description: corkboard.ErrorMessage(err)})
}

// oauthBadRequest answers a malformed OAuth request the handler found itself.
func oauthBadRequest(c echo.Context, name, description string) error {
	return c.JSON(http.StatusBadRequest, oauthErrorJSON{Error: name, Description: description})
}
