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
// "locked" absent means off.
func (w *Web) settingsProfile(c echo.Context) error {
	page := settingsProfilePage{DisplayName: c.FormValue("display_name"), Bio: c.FormValue("bio"),
		Locked: c.FormValue("locked") != ""}
	ctx, me := c.Request().Context(), currentAccount(c)
	if err := w.Service.UpdateProfile(ctx, me, page.DisplayName, page.Bio); err != nil {
		return w.formError(c, err, "settings_profile", "Edit profile", &page.Error, &page)
	}
	if err := w.Service.SetLocked(ctx, me, page.Locked); err != nil {
		return w.formError(c, err, "settings_profile", "Edit profile", &page.Error, &page)
	}
	w.setFlash(c, "success", "Profile saved.")
	return redirect(c, "/settings/profile")
}
