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

// account is GET /api/v1/accounts/:id: anyone's public profile.
func (a *API) account(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	acct, err := a.Service.PublicProfileByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newAccountJSON(acct))
}
