// Package web serves Corkboard's HTML pages and form posts. Every page
// works without JavaScript; every form post is protected against CSRF.
package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"strings"

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

// Web serves the pages. Templates and assets are loaded once, in New.
type Web struct {
	Deps
	pages  map[string]*template.Template
	assets *assets
	secure bool // cookies get the Secure flag when BaseURL is https
	csrf   echo.MiddlewareFunc
}

// New builds the pages. The templates and assets are embedded in the
// binary, so failing to load them is a programming error and panics (the
// package's tests load them).
func New(d Deps) *Web {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	w := &Web{Deps: d, secure: strings.HasPrefix(d.BaseURL, "https://")}
	var err error
	if w.assets, err = loadAssets(); err != nil {
		panic("web: " + err.Error())
	}
	if w.pages, err = parsePages(w.funcs()); err != nil {
		panic("web: " + err.Error())
	}
	w.csrf = w.newCSRF()
	return w
}

// Register adds the pages' routes: their one route table. Every page runs
// the session and CSRF middleware; /static does not (it is cacheable and
// cookie-free).
func (w *Web) Register(e *echo.Echo) {
	page := func(method, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.Add(method, path, h, append([]echo.MiddlewareFunc{w.loadSession, w.csrf}, m...)...)
	}
	e.GET("/static/*", w.static)

	page(http.MethodGet, "/", w.home)
	page(http.MethodGet, "/search", w.search)
	page(http.MethodGet, "/@:username", w.profile)

	page(http.MethodGet, "/login", w.loginForm)
	page(http.MethodPost, "/login", w.login)
	page(http.MethodPost, "/logout", w.logout)
	page(http.MethodGet, "/signup", w.signupForm)
	page(http.MethodPost, "/signup", w.signup)
	page(http.MethodGet, "/setup", w.setupForm)
	page(http.MethodPost, "/setup", w.setup)

	page(http.MethodGet, "/settings/profile", w.settingsProfileForm, w.requireSignIn)
	page(http.MethodPost, "/settings/profile", w.settingsProfile, w.requireSignIn)

	page(http.MethodGet, "/admin", w.admin, w.requireAdmin)
	page(http.MethodPost, "/admin/registration", w.adminRegistration, w.requireAdmin)
	page(http.MethodPost, "/admin/accounts/:username/approve", w.adminApprove, w.requireAdmin)
	page(http.MethodPost, "/admin/invites", w.adminCreateInvite, w.requireAdmin)
}
