package web

import (
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
)

// limit takes a token from l for key. When none is left it sets
// Retry-After and returns the 429 error for the error page.
func limit(c echo.Context, l *ratelimit.Limiter, key string) error {
	if l == nil || key == "" {
		return nil
	}
	ok, wait := l.Allow(key)
	if ok {
		return nil
	}
	secs := ratelimit.RetryAfterSeconds(wait)
	c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	return echo.NewHTTPError(http.StatusTooManyRequests,
		"Too many attempts. Please wait "+waitText(secs)+" and try again.")
}

func waitText(secs int) string {
	switch {
	case secs <= 1:
		return "a second"
	case secs < 90:
		return strconv.Itoa(secs) + " seconds"
	default:
		return strconv.Itoa((secs+59)/60) + " minutes"
	}
}
