package api

import (
	"net/url"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Page sizes, as Mastodon's timelines: clients ask for up to 40.
const (
	defaultPageSize = 20
	maxPageSize     = 40
)

// pageRequest is a keyset page: at most Limit items past Cursor, an id
// (0: from the start). Keyset cursors stay correct while new pins arrive,
// and every page costs one index range scan.
type pageRequest struct {
	Cursor int64
	Limit  int
}

// readPage reads the cursor parameter (max_id, or min_id for comments)
// and ?limit=. Like Mastodon, an unreadable limit
// gets the default rather than an error; an unreadable cursor is an error,
// since guessing would repeat or skip items.
func readPage(c echo.Context, cursor string) (pageRequest, error) {
	pr := pageRequest{Limit: readLimit(c)}
	if raw := c.QueryParam(cursor); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id < 0 {
			return pr, corkboard.Errorf(corkboard.EINVALID, "%s must be an id", cursor)
		}
		pr.Cursor = id
	}
	return pr, nil
}

// readLimit reads ?limit=: 1 to maxPageSize, defaultPageSize if absent.
func readLimit(c echo.Context) int {
	if n, err := strconv.Atoi(c.QueryParam("limit")); err == nil && n > 0 {
		return min(n, maxPageSize)
	}
	return defaultPageSize
}

// setNextLink adds `Link: <...>; rel="next"` pointing at this request's
// URL with cursor set to next, unless next is 0 (the last page). Other
// query parameters (q, type, limit) are kept.
func (a *API) setNextLink(c echo.Context, cursor string, next int64) {
	if next == 0 {
		return
	}
	q := url.Values{}
	for k, vs := range c.QueryParams() {
		q[k] = vs
	}
	q.Set(cursor, strconv.FormatInt(next, 10))
	link := a.BaseURL + c.Request().URL.EscapedPath() + "?" + q.Encode()
	c.Response().Header().Set("Link", "<"+link+`>; rel="next"`)
}

// pathID reads the :id (or other) path parameter. Ids are positive
// integers; anything else names nothing, so it is "not found" as on
// Mastodon.
func pathID(c echo.Context, name, what string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, corkboard.Errorf(corkboard.ENOTFOUND, "%s not found", what)
	}
	return id, nil
}
