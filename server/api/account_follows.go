package api

import (
	"github.com/labstack/echo/v4"
)

// followAccount is POST /api/v1/accounts/:id/follow: follow a person here
// or on another server. A remote follow answers requested=true until
// their server accepts; following twice is harmless.
func (a *API) followAccount(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// Sign-ups awaiting approval and disabled accounts are "not found".
	if _, err := a.Service.PublicProfileByID(ctx, id); err != nil {
		return err
	}
	if _, err := a.Service.FollowAccountByID(ctx, viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}

// unfollowAccount is POST /api/v1/accounts/:id/unfollow; it also
// withdraws a follow request that is still waiting.
func (a *API) unfollowAccount(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := a.Service.PublicProfileByID(ctx, id); err != nil {
		return err
	}
	if err := a.Service.UnfollowAccountByID(ctx, viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}
