package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

const (
	sessionCookie = "corkboard_session"
	sessionMaxAge = 30 * 24 * 60 * 60 // seconds; matches the Service's session lifetime
)

// loadSession resolves the session cookie and puts the account in the
// request context. A bad or expired cookie is cleared and the request goes
// on signed out: a stale cookie must never cost someone an error page.
func (w *Web) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		cookie, err := c.Cookie(sessionCookie)
		if err != nil || cookie.Value == "" {
			return next(c)
		}
		ctx := c.Request().Context()
		a, err := w.Service.SessionAccount(ctx, cookie.Value)
		switch corkboard.ErrorCode(err) {
		case "":
			c.SetRequest(c.Request().WithContext(corkboard.WithAccount(ctx, a)))
		case corkboard.EINTERNAL:
			return err // the database is in trouble; do not sign people out for it
		default:
			w.clearSessionCookie(c)
		}
		return next(c)
	}
}

// currentAccount is the signed-in account, or nil.
func currentAccount(c echo.Context) *corkboard.Account {
	return corkboard.AccountFromContext(c.Request().Context())
}

// signIn starts a session for a and sets its cookie.
func (w *Web) signIn(c echo.Context, a *corkboard.Account) error {
	secret, err := w.Service.CreateSession(c.Request().Context(), a, c.Request().UserAgent())
	if err != nil {
		return err
	}
	c.SetCookie(w.sessionCookie(secret, sessionMaxAge))
	return nil
}

func (w *Web) clearSessionCookie(c echo.Context) { c.SetCookie(w.sessionCookie("", -1)) }

func (w *Web) sessionCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: w.secure, SameSite: http.SameSiteLaxMode,
	}
}

// requireSignIn sends signed-out visitors to the log-in page, which brings
// them back here afterwards.
func (w *Web) requireSignIn(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentAccount(c) != nil {
			return next(c)
		}
		// A post cannot be replayed after signing in, so an action (a like,
		// a follow) comes back to the page it was made on, to be made again.
		if c.Request().Method != http.MethodGet {
			return loginFor(c, postedReturnTo(c))
		}
		return loginFor(c, c.Request().URL.RequestURI())
	}
}

// requireAdmin lets only admins through; others get 403.
func (w *Web) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return w.requireSignIn(func(c echo.Context) error {
		if !currentAccount(c).IsAdmin {
			return echo.NewHTTPError(http.StatusForbidden, "This page is for the admins of this Corkboard.")
		}
		return next(c)
	})
}
