package web

import "github.com/labstack/echo/v4"

// logout ends the browser's session and clears its cookie.
func (w *Web) logout(c echo.Context) error {
	if k, err := c.Cookie(sessionCookie); err == nil {
		if err := w.Service.EndSession(c.Request().Context(), k.Value); err != nil {
			return err
		}
	}
	w.clearSessionCookie(c)
	w.setFlash(c, "info", "You’re signed out. See you soon!")
	return redirect(c, "/")
}
