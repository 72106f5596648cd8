package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// updateCredentials is PATCH /api/v1/accounts/update_credentials: it
// changes the fields a client sends (display_name, note, locked) and
// answers the account as verify_credentials does. Other Mastodon fields
// (avatar, header, fields_attributes ...) are ignored.
func (a *API) updateCredentials(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	ctx, me := c.Request().Context(), viewer(c)
	locked, err := formBool(p, "locked", me.ManuallyApproves)
	if err != nil {
		return err
	}
	if p.Has("display_name") || p.Has("note") {
		name, note := formString(p, "display_name", me.DisplayName), formString(p, "note", me.Bio)
		if err := a.Service.UpdateProfile(ctx, me, name, note); err != nil {
			return err
		}
	}
	if err := a.Service.SetLocked(ctx, me, locked); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newCredentialAccountJSON(me))
}
