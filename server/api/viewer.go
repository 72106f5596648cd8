package api

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Public reads (a pin, a board, a tag, search) work without a token, as
// on Mastodon; with one, the viewer also sees their own secret boards and
// pins. A request that sends a token must send a valid one with the
// route's scope: a silently ignored bad token would show a client less
// than it asked for without telling it why.

// authenticateIfToken is authenticate for requests with an Authorization
// header, and lets anonymous ones through.
func (a *API) authenticateIfToken(next echo.HandlerFunc) echo.HandlerFunc {
	authenticated := a.authenticate(next)
	return func(c echo.Context) error {
		if c.Request().Header.Get(echo.HeaderAuthorization) == "" {
			return next(c)
		}
		return authenticated(c)
	}
}

// requireScopeIfToken is requireScope for requests that carry a token.
func requireScopeIfToken(scopes ...string) echo.MiddlewareFunc {
	check := requireScope(scopes...)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		checked := check(next)
		return func(c echo.Context) error {
			if tokenInfo(c) == nil {
				return next(c)
			}
			return checked(c)
		}
	}
}

// viewer is the account the request acts for, or nil when anonymous (or
// for a client_credentials token, which acts for no person).
func viewer(c echo.Context) *corkboard.Account {
	return corkboard.AccountFromContext(c.Request().Context())
}
