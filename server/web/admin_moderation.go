package web

import (
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// adminResolveReport closes a report, with an optional note of what was
// done.
func (w *Web) adminResolveReport(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := w.Service.ResolveReport(c.Request().Context(), currentAccount(c), id, c.FormValue("note")); err != nil {
		return err
	}
	w.setFlash(c, "success", "Report #"+strconv.FormatInt(id, 10)+" is resolved.")
	return redirect(c, "/admin#reports")
}

// adminReopenReport puts a resolved report back among the open ones.
func (w *Web) adminReopenReport(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := w.Service.ReopenReport(c.Request().Context(), currentAccount(c), id); err != nil {
		return err
	}
	w.setFlash(c, "success", "Report #"+strconv.FormatInt(id, 10)+" is open again.")
	return redirect(c, "/admin#reports")
}

// adminSuspendReported suspends a report's target and resolves the
// report.
func (w *Web) adminSuspendReported(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := w.Service.SuspendReported(c.Request().Context(), currentAccount(c), id)
	if err != nil {
		return err
	}
	w.setFlash(c, "success", "@"+a.Acct()+" is suspended, and the report is resolved.")
	return redirect(c, "/admin#reports")
}

// adminUnsuspend lifts an account's suspension.
func (w *Web) adminUnsuspend(c echo.Context) error {
	id, err := strconv.ParseInt(c.FormValue("account_id"), 10, 64)
	if err != nil || id <= 0 {
		return corkboard.Errorf(corkboard.ENOTFOUND, "account not found")
	}
	a, err := w.Service.UnsuspendAccount(c.Request().Context(), currentAccount(c), id)
	if err != nil {
		return err
	}
	msg := "@" + a.Acct() + " is no longer suspended."
	if !a.IsLocal() {
		msg += " What the suspension removed (follows, pins) stays removed."
	}
	w.setFlash(c, "success", msg)
	return redirect(c, "/admin#suspensions")
}
