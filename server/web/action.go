package web

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// afterAction answers a one-button action (like, follow, save, comment):
// 303 back to the page it was made on. A refusal the person can fix
// ("write something first") comes back as an error notice on that page;
// anything else (not found, not allowed, a failure) is an error page.
func (w *Web) afterAction(c echo.Context, err error, fallback, success string) error {
	switch corkboard.ErrorCode(err) {
	case "":
		if success != "" {
			w.setFlash(c, "success", success)
		}
	case corkboard.EINVALID, corkboard.ECONFLICT:
		w.setFlash(c, "error", sentence(corkboard.ErrorMessage(err)))
	default:
		return err
	}
	return redirect(c, backTo(c, fallback))
}
