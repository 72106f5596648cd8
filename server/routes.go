package server

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/corkboard/corkboard/server/api"
	"github.com/corkboard/corkboard/server/httperr"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/corkboard/corkboard/server/web"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// routes builds the Echo instance: middleware, then one line per surface.
// Each surface (pages, API) keeps its own route table, top to bottom.
func (s *Server) routes() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = ipExtractor(s.cfg.TrustedProxies)
	e.Use(middleware.RequestID())
	e.Use(requestLogger(s.log))
	e.Use(middleware.Recover())
	e.Use(securityHeaders)
	if strings.HasPrefix(s.cfg.BaseURL, "https://") {
		e.Use(hsts)
	}
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit: bodyLimit(s.cfg.MaxBodyBytes),
		// Uploads are capped by their handlers at MaxUploadBytes instead.
		Skipper: func(c echo.Context) bool { return isUploadPath(c.Request().URL.Path) },
	}))
	e.Use(requestTimeout(60 * time.Second))

	limits := s.newLimits()
	pages := web.New(web.Deps{
		Service: s.svc, BaseURL: s.cfg.BaseURL, Log: s.log, Version: s.cfg.Version,
		LoginByAddress: limits.loginByAddress, LoginByAccount: limits.loginByAccount, SignupByAddress: limits.signupByAddress,
		MaxUploadBytes: s.cfg.MaxUploadBytes, MediaSize: s.mediaSize,
	})
	clientAPI := api.New(api.Deps{
		Service: s.svc, BaseURL: s.cfg.BaseURL, Log: s.log, Version: s.cfg.Version,
		TokenByAddress: limits.tokenByAddress, PerToken: limits.apiPerToken,
		LoginByAddress: limits.loginByAddress, LoginByAccount: limits.loginByAccount,
		MaxUploadBytes: s.cfg.MaxUploadBytes,
	})
	e.HTTPErrorHandler = s.errorHandler(pages)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/media/*", s.serveMedia)
	clientAPI.Register(e)
	s.fed.Register(e)
	pages.Register(e)
	return e
}

// isUploadPath tells the paths that take image uploads; each caps its
// body at MaxUploadBytes itself.
func isUploadPath(path string) bool {
	switch path {
	case "/api/v1/pins", "/api/v1/media", "/api/v2/media", "/pins", "/settings/profile", "/api/v1/accounts/update_credentials":
		return true
	}
	return false
}

type limits struct {
	loginByAddress, loginByAccount, signupByAddress, tokenByAddress, apiPerToken *ratelimit.Limiter
}

// newLimits sets the rate limits. Log-in and sign-up are tight (password
// guessing, spam accounts); the API allows 300 requests per 5 minutes per
// token, as Mastodon does.
func (s *Server) newLimits() limits {
	scale := func(n int) int { return max(1, int(float64(n)*s.cfg.RateLimitScale)) }
	now := s.cfg.Now
	return limits{
		loginByAddress:  ratelimit.New(scale(20), 15*time.Second, now),
		loginByAccount:  ratelimit.New(scale(10), 30*time.Second, now),
		signupByAddress: ratelimit.New(scale(5), 10*time.Minute, now),
		tokenByAddress:  ratelimit.New(scale(30), 5*time.Second, now),
		apiPerToken:     ratelimit.New(scale(300), time.Second, now),
	}
}

// errorHandler answers errors as JSON on the API and OAuth paths and as an
// HTML page elsewhere. Internal details go to the log only.
func (s *Server) errorHandler(pages *web.Web) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		status, msg := httperr.Status(err)
		if status >= 500 {
			s.log.Error("request failed", "path", c.Path(), "err", err, "request_id", c.Response().Header().Get(echo.HeaderXRequestID))
		}
		path := c.Request().URL.Path
		if strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/oauth/token") || strings.HasPrefix(path, "/oauth/revoke") ||
			path == "/healthz" || path == "/readyz" || c.Request().Method == http.MethodHead {
			if c.Request().Method == http.MethodHead {
				_ = c.NoContent(status)
				return
			}
			_ = c.JSON(status, map[string]string{"error": msg})
			return
		}
		_ = pages.ErrorPage(c, status, msg)
	}
}

// bodyLimit renders a byte count in the form Echo's BodyLimit parses.
func bodyLimit(n int64) string { return strconv.FormatInt(n, 10) + "B" }

// ipExtractor believes X-Forwarded-For only from trusted proxies.
func ipExtractor(trusted []netip.Prefix) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range trusted {
		opts = append(opts, echo.TrustIPRange(prefixToIPNet(p)))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

func prefixToIPNet(p netip.Prefix) *net.IPNet {
	p = p.Masked()
	return &net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}
}
