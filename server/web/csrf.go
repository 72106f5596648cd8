package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

const (
	csrfCookie     = "corkboard_csrf"
	csrfContextKey = "csrf"
)

// newCSRF protects every form post on the pages. Browsers that send
// Sec-Fetch-Site are checked by it; others by the double-submit token that
// each form carries in _csrf. Any failure is a 403 page and changes nothing.
func (w *Web) newCSRF() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf,header:X-CSRF-Token",
		ContextKey:     csrfContextKey,
		CookieName:     csrfCookie,
		CookiePath:     "/",
		CookieMaxAge:   sessionMaxAge, // a form left open for a day still posts
		CookieHTTPOnly: true,
		CookieSecure:   w.secure,
		CookieSameSite: http.SameSiteLaxMode,
		ErrorHandler: func(error, echo.Context) error {
			// Echo answers a missing token with 400; for people it is the
			// same problem as a wrong one.
			return echo.NewHTTPError(http.StatusForbidden,
				"This form has expired or came from another site. Go back, reload the page and try again.")
		},
	})
}

// csrfToken is the token forms must send back. Pages that Echo could not
// route (404s) never ran the middleware, so fall back to the cookie, which
// holds the same token.
func csrfToken(c echo.Context) string {
	if t, ok := c.Get(csrfContextKey).(string); ok {
		return t
	}
	if k, err := c.Cookie(csrfCookie); err == nil {
		return k.Value
	}
	return ""
}
