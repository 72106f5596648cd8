package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// followRequests is GET /api/v1/follow_requests: the accounts that ask to
// follow the token's person, newest first, paged by max_id (a follow
// request id) with a Link header, as Mastodon.
func (a *API) followRequests(c echo.Context) error {
	page, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	reqs, err := a.Service.FollowRequests(c.Request().Context(), viewer(c), page.Cursor, page.Limit)
	if err != nil {
		return err
	}
	out := make([]accountJSON, len(reqs))
	for i, r := range reqs {
		out[i] = a.newAccountJSON(r.From)
	}
	if len(reqs) == page.Limit {
		a.setNextLink(c, "max_id", reqs[len(reqs)-1].ID)
	}
	return c.JSON(http.StatusOK, out)
}

// authorizeFollowRequest is POST /api/v1/follow_requests/:id/authorize
// (:id is the asking account's); it answers the relationship.
func (a *API) authorizeFollowRequest(c echo.Context) error {
	id, err := pathID(c, "id", "follow request")
	if err != nil {
		return err
	}
	if err := a.Service.AuthorizeFollowRequest(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}

// rejectFollowRequest is POST /api/v1/follow_requests/:id/reject.
func (a *API) rejectFollowRequest(c echo.Context) error {
	id, err := pathID(c, "id", "follow request")
	if err != nil {
		return err
	}
	if err := a.Service.RejectFollowRequest(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}
