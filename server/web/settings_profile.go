package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// settingsProfilePage is the data of the profile settings form.
type settingsProfilePage struct {
	DisplayName, Bio string
	Locked           bool // approve followers by hand
	Error            string
}

func (w *Web) settingsProfileForm(c echo.Context) error {
	a := currentAccount(c)
	return w.render(c, http.StatusOK, "settings_profile", "Edit profile",
		settingsProfilePage{DisplayName: a.DisplayName, Bio: a.Bio, Locked: a.ManuallyApproves})
}

// settingsProfile saves the form. An unchecked checkbox is not sent, so
// "locked" absent means off. A chosen picture goes first: it is what is
// most likely refused, and a refusal then changes nothing.
func (w *Web) settingsProfile(c echo.Context) error {
	page := settingsProfilePage{DisplayName: c.FormValue("display_name"), Bio: c.FormValue("bio"),
		Locked: c.FormValue("locked") != ""}
	ctx, me := c.Request().Context(), currentAccount(c)
	file, err := openUpload(c, "avatar")
	if err != nil {
		return err
	}
	if file != nil {
		defer file.Close()
		if err := w.Service.SetAvatar(ctx, me, file); err != nil {
			return w.formError(c, err, "settings_profile", "Edit profile", &page.Error, &page)
		}
	}
	if err := w.Service.UpdateProfile(ctx, me, page.DisplayName, page.Bio); err != nil {
		return w.formError(c, err, "settings_profile", "Edit profile", &page.Error, &page)
	}
	if err := w.Service.SetLocked(ctx, me, page.Locked); err != nil {
		return w.formError(c, err, "settings_profile", "Edit profile", &page.Error, &page)
	}
	w.setFlash(c, "success", "Profile saved.")
	return redirect(c, "/settings/profile")
}

// settingsProfileRefused shows the form again when its body is refused
// before it could be read (a file over the size cap). It runs before the
// sign-in check: a visitor gets the bare error.
func (w *Web) settingsProfileRefused(c echo.Context, status int, msg string) error {
	a := currentAccount(c)
	if a == nil {
		return echo.NewHTTPError(status, msg)
	}
	return w.render(c, status, "settings_profile", "Edit profile",
		settingsProfilePage{DisplayName: a.DisplayName, Bio: a.Bio, Locked: a.ManuallyApproves, Error: msg})
}

// removeAvatar puts the default picture back.
func (w *Web) removeAvatar(c echo.Context) error {
	if err := w.Service.RemoveAvatar(c.Request().Context(), currentAccount(c)); err != nil {
		return err
	}
	w.setFlash(c, "success", "Your picture was removed.")
	return redirect(c, "/settings/profile")
}
