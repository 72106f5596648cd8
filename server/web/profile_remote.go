package web

import (
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// remoteProfilePage is the data of the page of a person on another
// server: what we know of them and the pins of theirs that reached us.
type remoteProfilePage struct {
	*corkboard.RemoteProfileView
	Grid pinGrid
}

// remoteProfile is /@bob@host. A board's handle (/@bob.recipes@host) goes
// to the board's page, where it is followed.
func (w *Web) remoteProfile(c echo.Context, handle string) error {
	if user, host, _ := corkboard.SplitHandle(handle); corkboard.IsBoardHandle(handle) {
		owner, slug, _ := strings.Cut(user, ".")
		return c.Redirect(http.StatusSeeOther, "/@"+owner+"@"+host+"/"+corkboard.Slugify(slug))
	}
	v, err := w.Service.RemoteProfilePage(c.Request().Context(), currentAccount(c), handle, cursor(c), pageSize)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	a := v.Account
	page := remoteProfilePage{RemoteProfileView: v, Grid: newGrid(c, v.Pins, boards)}
	return w.render(c, http.StatusOK, "profile_remote", a.Name()+" (@"+a.Acct()+")", page)
}
