package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// relationships is GET /api/v1/accounts/relationships?id[]=1&id[]=2: the
// token's person's relationship with each account that exists, in order.
func (a *API) relationships(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	var ids []int64
	for _, raw := range list(p, "id") {
		if id, err := strconv.ParseInt(raw, 10, 64); err == nil && id > 0 {
			ids = append(ids, id) // Mastodon skips ids that name nobody
		}
	}
	rs, err := a.Service.Relationships(c.Request().Context(), viewer(c), ids)
	if err != nil {
		return err
	}
	out := make([]relationshipJSON, len(rs))
	for i, r := range rs {
		out[i] = newRelationshipJSON(r)
	}
	return c.JSON(http.StatusOK, out)
}

// respondRelationship answers a follow or unfollow with the relationship
// as it now stands, as Mastodon does.
func (a *API) respondRelationship(c echo.Context, id int64) error {
	rs, err := a.Service.Relationships(c.Request().Context(), viewer(c), []int64{id})
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, newRelationshipJSON(rs[0]))
}
