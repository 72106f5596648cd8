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

// homePage is the signed-in person's feed.
type homePage struct {
	Grid      pinGrid
	FirstPage bool
}

// home is the signed-in person's feed, the landing page for visitors, or a
// pointer to the setup link on a new server.
func (w *Web) home(c echo.Context) error {
	if me := currentAccount(c); me != nil {
		return w.feed(c, me)
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

func (w *Web) feed(c echo.Context, me *corkboard.Account) error {
	page, err := w.Service.HomeFeed(c.Request().Context(), me, cursor(c), pageSize)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "home", "Home", homePage{Grid: newGrid(c, page, boards), FirstPage: cursor(c) == 0})
}
