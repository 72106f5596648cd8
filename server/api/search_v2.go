package api

import (
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// searchV2JSON is Mastodon's Search entity. Pins are not statuses (their
// shape differs), so statuses stay empty here: pins are searched at
// /api/v1/search; hashtags are not searched yet.
type searchV2JSON struct {
	Accounts []accountJSON `json:"accounts"`
	Statuses []struct{}    `json:"statuses"`
	Hashtags []struct{}    `json:"hashtags"`
}

// searchV2 is GET /api/v2/search?q=&type=accounts&resolve=true&limit=:
// Mastodon's search, as clients use it to find and follow people. A
// handle or actor URL finds that one person (fetched from their server
// with resolve=true and a token); other words find people here by name.
func (a *API) searchV2(c echo.Context) error {
	kind := c.QueryParam("type")
	if kind != "" && kind != "accounts" && kind != "statuses" && kind != "hashtags" {
		return corkboard.Errorf(corkboard.EINVALID, "type must be accounts, statuses or hashtags")
	}
	out := searchV2JSON{Accounts: []accountJSON{}, Statuses: []struct{}{}, Hashtags: []struct{}{}}
	// One page only: a client paging by offset gets an end, not repeats.
	if offset, _ := strconv.Atoi(c.QueryParam("offset")); offset > 0 || (kind != "" && kind != "accounts") {
		return c.JSON(http.StatusOK, out)
	}
	var err error
	out.Accounts, err = a.findAccounts(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// findAccounts is the people a search query names: the person a handle
// or actor URL names, else people here whose name matches.
func (a *API) findAccounts(c echo.Context) ([]accountJSON, error) {
	q := c.QueryParam("q")
	if corkboard.IsRemoteQuery(q) {
		if acct, _ := a.searchHit(c, q); acct != nil {
			return []accountJSON{a.newAccountJSON(acct)}, nil
		}
		return []accountJSON{}, nil
	}
	people, err := a.Service.SearchPeople(c.Request().Context(), q, readLimit(c))
	out := make([]accountJSON, len(people))
	for i, p := range people {
		out[i] = a.newAccountJSON(p)
	}
	return out, err
}
