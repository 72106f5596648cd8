package server

import (
	"context"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// securityHeaders sets headers every response should carry. Pages set a
// stricter Content-Security-Policy of their own where they need to.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if h.Get("Content-Security-Policy") == "" {
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")
		}
		return next(c)
	}
}

// hsts is added when the instance is served over https.
func hsts(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		return next(c)
	}
}

// requestLogger logs one structured line per request.
func requestLogger(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURIPath: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRequestID: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			attrs := []any{"method", v.Method, "path", v.URIPath, "status", v.Status,
				"duration_ms", float64(v.Latency.Microseconds()) / 1000, "remote_ip", v.RemoteIP, "request_id", v.RequestID}
			if v.Error != nil && v.Status >= 500 {
				attrs = append(attrs, "err", v.Error)
			}
			log.Log(c.Request().Context(), level, "request", attrs...)
			return nil
		},
	})
}

// requestTimeout puts a deadline on each request's context, so database
// work and outgoing fetches stop when a client would have given up anyway.
// (Echo's ContextTimeout middleware turns every handler error into a 503.)
func requestTimeout(d time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			ctx, cancel := context.WithTimeout(req.Context(), d)
			defer cancel()
			c.SetRequest(req.WithContext(ctx))
			err := next(c)
			// Echo renders a returned error after this returns; give it the
			// request's own context, not the one cancelled by defer.
			c.SetRequest(c.Request().WithContext(req.Context()))
			return err
		}
	}
}
