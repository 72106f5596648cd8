package web

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// adminRegistration changes who may sign up.
func (w *Web) adminRegistration(c echo.Context) error {
	mode, err := corkboard.ParseRegistrationMode(c.FormValue("mode"))
	if err != nil {
		return err
	}
	if err := w.Service.SetRegistrationMode(c.Request().Context(), mode); err != nil {
		return err
	}
	w.setFlash(c, "success", "Registration is now "+modeSummary(mode)+".")
	return redirect(c, "/admin")
}

// adminApprove lets a pending sign-up in.
func (w *Web) adminApprove(c echo.Context) error {
	username := c.Param("username")
	if err := w.Service.ApproveAccount(c.Request().Context(), username); err != nil {
		return err
	}
	w.setFlash(c, "success", "@"+username+" is approved and can sign in now.")
	return redirect(c, "/admin")
}

// adminReject turns a pending sign-up down; the account is deleted and its
// username is free again.
func (w *Web) adminReject(c echo.Context) error {
	username := c.Param("username")
	if err := w.Service.RejectAccount(c.Request().Context(), username); err != nil {
		return err
	}
	w.setFlash(c, "success", "The sign-up of @"+username+" is rejected and removed.")
	return redirect(c, "/admin")
}

func modeSummary(m corkboard.RegistrationMode) string {
	switch m {
	case corkboard.RegistrationOpen:
		return "open to anyone"
	case corkboard.RegistrationApproval:
		return "by approval"
	case corkboard.RegistrationInvite:
		return "by invite only"
	}
	return "closed"
}
