// Package api is the JSON client API: Mastodon-compatible where Mastodon has
// the concept (apps, OAuth, accounts, instance), Corkboard's own elsewhere.
package api

import (
	"log/slog"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
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
type API struct{ Deps }

// New builds the API.
func New(d Deps) *API { return &API{Deps: d} }

// Register adds the API's routes: its one route table.
func (a *API) Register(e *echo.Echo) {}
