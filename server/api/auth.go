package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// tokenKey is where authenticate leaves the request's *corkboard.TokenInfo.
const tokenKey = "corkboard.token"

// authenticate requires a bearer token, limits requests per token, and
// puts the token in the Echo context and its account in the request's.
func (a *API) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		secret := bearerToken(c.Request())
		info, err := a.Service.ResolveToken(c.Request().Context(), secret)
		if corkboard.ErrorCode(err) == corkboard.EUNAUTHORIZED {
			challenge := `Bearer realm="corkboard"`
			if secret != "" {
				challenge += `, error="invalid_token"` // RFC 6750 §3: only when a token was sent
			}
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, challenge)
			return echo.NewHTTPError(http.StatusUnauthorized, "The access token is invalid")
		} else if err != nil {
			return err // a disabled account is 403; a database failure 500
		}
		if err := limit(c, a.PerToken, strconv.FormatInt(info.Token.ID, 10)); err != nil {
			return err
		}
		c.Set(tokenKey, info)
		if info.Account != nil {
			c.SetRequest(c.Request().WithContext(corkboard.WithAccount(c.Request().Context(), info.Account)))
		}
		return next(c)
	}
}

// bearerToken returns the token of an "Authorization: Bearer" header.
func bearerToken(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get(echo.HeaderAuthorization), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// tokenInfo returns what authenticate found; routes without it get nil.
func tokenInfo(c echo.Context) *corkboard.TokenInfo {
	info, _ := c.Get(tokenKey).(*corkboard.TokenInfo)
	return info
}

// requireScope lets a request through when its token grants any of scopes.
func requireScope(scopes ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			info := tokenInfo(c)
			for _, sc := range scopes {
				if info != nil && corkboard.ScopeAllows(info.Token.Scopes, sc) {
					return next(c)
				}
			}
			return echo.NewHTTPError(http.StatusForbidden, "This action is outside the authorized scopes")
		}
	}
}

// requireUser refuses tokens that act for no person (client_credentials).
func requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if info := tokenInfo(c); info == nil || info.Account == nil {
			return echo.NewHTTPError(http.StatusForbidden, "This method requires an authenticated user")
		}
		return next(c)
	}
}

// requireApp refuses tokens made without an OAuth app (the admin CLI's).
func requireApp(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if info := tokenInfo(c); info == nil || info.App == nil {
			return echo.NewHTTPError(http.StatusForbidden, "This method requires a token issued to an app")
		}
		return next(c)
	}
}
