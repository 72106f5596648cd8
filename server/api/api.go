// Package api is the JSON client API: Mastodon-compatible where Mastodon has
// the concept (apps, OAuth, accounts, instance), Corkboard's own elsewhere.
package api

import (
	"html/template"
	"log/slog"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Deps is what the API needs from the composition root.
type Deps struct {
	Service *corkboard.Service
	BaseURL string
	Log     *slog.Logger
	Version string
	// TokenByAddress limits POST /oauth/token per client address;
	// PerToken limits every authenticated API call per token.
	TokenByAddress, PerToken *ratelimit.Limiter
	// LoginByAddress and LoginByAccount limit the OAuth log-in form.
	LoginByAddress, LoginByAccount *ratelimit.Limiter
}

// API serves the client API.
type API struct {
	Deps
	pages *template.Template // the OAuth log-in and consent pages
}

// New builds the API.
func New(d Deps) *API {
	return &API{Deps: d, pages: parsePages()}
}

// Register adds the API's routes: its one route table.
func (a *API) Register(e *echo.Echo) {
	cors, auth := corsMiddleware(), a.authenticate

	e.POST("/api/v1/apps", a.createApp, cors)
	e.GET("/api/v1/apps/verify_credentials", a.verifyApp, cors, auth, requireApp)

	e.GET("/oauth/authorize", a.authorizePage)
	e.POST("/oauth/authorize", a.authorize)
	e.POST("/oauth/token", a.token, cors)
	e.POST("/oauth/revoke", a.revoke, cors)

	e.GET("/api/v1/accounts/verify_credentials", a.verifyCredentials, cors, auth, requireScope("read:accounts", "profile"), requireUser)

	e.GET("/api/v1/instance", a.instanceV1, cors)
	e.GET("/api/v2/instance", a.instanceV2, cors)

	// Browsers send a preflight before cross-origin calls with a bearer
	// token or a JSON body; the CORS middleware answers it.
	for _, path := range []string{"/api/*", "/oauth/token", "/oauth/revoke"} {
		e.OPTIONS(path, noContent, cors)
	}
	// Without this, the OPTIONS route would turn every unknown API path
	// into a 405 instead of a 404.
	e.RouteNotFound("/api/*", notFound, cors)
}

// corsMiddleware lets web clients on other origins call the API, as they
// do with Mastodon. Credentials are bearer tokens, never cookies, so any
// origin may be allowed without exposing a session.
func corsMiddleware() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:  []string{"*"},
		AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete},
		AllowHeaders:  []string{echo.HeaderAuthorization, echo.HeaderContentType, "Idempotency-Key"},
		ExposeHeaders: []string{"Link", echo.HeaderRetryAfter, echo.HeaderXRequestID},
		MaxAge:        86400,
	})
}

func noContent(c echo.Context) error { return c.NoContent(http.StatusNoContent) }

func notFound(echo.Context) error { return echo.ErrNotFound }
