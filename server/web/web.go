// Package web serves Corkboard's HTML pages and form posts.
package web

import (
	"log/slog"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
)

// Deps is what the pages need from the composition root.
type Deps struct {
	Service *corkboard.Service
	BaseURL string
	Log     *slog.Logger
	Version string
	// Rate limits for log-in (per address and per account) and sign-up.
	LoginByAddress, LoginByAccount, SignupByAddress *ratelimit.Limiter
}

// Web serves the pages.
type Web struct{ Deps }

// New builds the pages.
func New(d Deps) *Web { return &Web{Deps: d} }

// Register adds the pages' routes: their one route table.
func (w *Web) Register(e *echo.Echo) {}

// ErrorPage renders an error as an HTML page.
func (w *Web) ErrorPage(c echo.Context, status int, msg string) error {
	return c.String(status, msg)
}

var _ = http.StatusOK
