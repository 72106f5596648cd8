package api

import (
	"mime/multipart"
	"net/http"

	"github.com/labstack/echo/v4"
)

// updateCredentials is PATCH /api/v1/accounts/update_credentials: it
// changes the fields a client sends (display_name, note, locked, and
// avatar as a multipart file) and answers the account as
// verify_credentials does. Other Mastodon fields (header,
// fields_attributes ...) are ignored. The avatar goes first: it is what
// is most likely refused, and a refusal then changes nothing.
func (a *API) updateCredentials(c echo.Context) error {
	p, file, err := a.uploadParams(c)
	if err != nil {
		return err
	}
	defer file.Close()
	ctx, me := c.Request().Context(), viewer(c)
	locked, err := formBool(p, "locked", me.ManuallyApproves)
	if err != nil {
		return err
	}
	if fhs := formFiles(file, "avatar"); len(fhs) > 0 {
		f, err := fhs[0].Open()
		if err != nil {
			return err // a temporary file we wrote could not be read: ours to log
		}
		defer f.Close()
		if err := a.Service.SetAvatar(ctx, me, f); err != nil {
			return err
		}
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

// formFiles returns a multipart upload's files of one field.
func formFiles(up *uploadFile, field string) []*multipart.FileHeader {
	if up.form == nil {
		return nil
	}
	return up.form.File[field]
}
