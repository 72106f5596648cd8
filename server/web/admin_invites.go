package web

import (
	"net/url"
	"strconv"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// adminCreateInvite makes an invite code and shows it, with its link, on
// the admin page.
func (w *Web) adminCreateInvite(c echo.Context) error {
	maxUses, err := formInt(c, "max_uses", 1)
	if err != nil {
		return err
	}
	days, err := formInt(c, "expires_days", 7)
	if err != nil {
		return err
	}
	ttl := time.Duration(days) * 24 * time.Hour
	inv, err := w.Service.CreateInvite(c.Request().Context(), currentAccount(c), maxUses, ttl)
	if err != nil {
		return err
	}
	return redirect(c, "/admin?invite="+url.QueryEscape(inv.Code)+"#invites")
}

// formInt reads a whole number from a form field, def when it is empty.
func formInt(c echo.Context, name string, def int) (int, error) {
	v := c.FormValue(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 100000 {
		return 0, corkboard.Errorf(corkboard.EINVALID, "%s must be a whole number from 0 to 100000", name)
	}
	return n, nil
}
