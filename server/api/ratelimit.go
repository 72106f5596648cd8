package api

import (
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
)

// limit takes one request from key's bucket in l, or answers 429 with the
// Retry-After header that tells well-behaved clients when to come back.
func limit(c echo.Context, l *ratelimit.Limiter, key string) error {
	if l == nil {
		return nil
	}
	ok, wait := l.Allow(key)
	if ok {
		return nil
	}
	c.Response().Header().Set(echo.HeaderRetryAfter, strconv.Itoa(ratelimit.RetryAfterSeconds(wait)))
	return echo.NewHTTPError(http.StatusTooManyRequests, "Too many requests; try again later")
}
