package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// landingPage is the data of the signed-out front page.
type landingPage struct {
	Mode corkboard.RegistrationMode
}

// home is the signed-in person's feed (empty until pins arrive), the
// landing page for visitors, or a pointer to the setup link on a new server.
func (w *Web) home(c echo.Context) error {
	if currentAccount(c) != nil {
		return w.render(c, http.StatusOK, "home", "Home", nil)
	}
	ctx := c.Request().Context()
	need, err := w.Service.NeedsSetup(ctx)
	if err != nil {
		return err
	}
	if need {
		return w.render(c, http.StatusOK, "not_setup", "Setup needed", nil)
	}
	mode, err := w.Service.RegistrationMode(ctx)
	if err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "landing", "", landingPage{Mode: mode})
}
