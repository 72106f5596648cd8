package api

import (
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// searchHit finds the one person or board that a handle ("@bob@host",
// "@bob.recipes@host") or actor URL query names; both nil for any other
// query. With resolve=true and a token acting for a person, one we do not
// know yet is fetched from its server; otherwise only our records are
// searched, as on Mastodon, so that anonymous callers cannot make us
// fetch. Not finding it is an empty result, not an error.
func (a *API) searchHit(c echo.Context, q string) (*corkboard.Account, *corkboard.Board) {
	q = strings.TrimSpace(q)
	if !corkboard.IsRemoteQuery(q) {
		return nil, nil
	}
	var fetchFor *corkboard.Account
	if resolve, _ := strconv.ParseBool(c.QueryParam("resolve")); resolve {
		fetchFor = viewer(c)
	}
	acct, b, err := a.Service.LookupRemote(c.Request().Context(), fetchFor, q)
	if err != nil {
		a.Log.Info("api search: lookup failed", "query", q, "resolve", fetchFor != nil, "err", err)
		return nil, nil
	}
	return acct, b
}
