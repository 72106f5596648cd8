package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// setupPage is the data of the first-run form that creates the admin.
type setupPage struct {
	Token, Username, Email string
	Error                  string
}

// setupForm shows the form only for the valid one-time link from the
// server log; any other token gets a 403 page.
func (w *Web) setupForm(c echo.Context) error {
	token := c.QueryParam("token")
	if err := w.Service.CheckSetupToken(c.Request().Context(), token); err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "setup", "Set up Corkboard", setupPage{Token: token})
}

func (w *Web) setup(c echo.Context) error {
	page := setupPage{Token: c.FormValue("token"), Username: c.FormValue("username"), Email: c.FormValue("email")}
	a, err := w.Service.CompleteSetup(c.Request().Context(), page.Token, corkboard.NewAccount{
		Username: page.Username, Email: page.Email, Password: c.FormValue("password")})
	if corkboard.ErrorCode(err) == corkboard.EFORBIDDEN {
		return err // the link is wrong or spent: no form to show again
	} else if err != nil {
		return w.formError(c, err, "setup", "Set up Corkboard", &page.Error, &page)
	}
	if err := w.signIn(c, a); err != nil {
		return err
	}
	w.setFlash(c, "success", "Welcome! You’re the admin of this Corkboard. Choose who may sign up below.")
	return redirect(c, "/admin")
}
