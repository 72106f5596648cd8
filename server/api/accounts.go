package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// verifyCredentials is GET /api/v1/accounts/verify_credentials: the token's
// own account, with its editable source.
func (a *API) verifyCredentials(c echo.Context) error {
	return c.JSON(http.StatusOK, a.newCredentialAccountJSON(tokenInfo(c).Account))
}
