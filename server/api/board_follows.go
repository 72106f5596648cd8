package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// followBoard is POST /api/v1/boards/:id/follow: the board's pins come to
// the follower's home timeline. Following twice is harmless.
func (a *API) followBoard(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	f, err := a.Service.FollowBoard(c.Request().Context(), viewer(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, followJSON{ID: strconv.FormatInt(id, 10), Following: !f.Pending, Requested: f.Pending})
}

// unfollowBoard is POST /api/v1/boards/:id/unfollow.
func (a *API) unfollowBoard(c echo.Context) error {
	id, err := pathID(c, "id", "board")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// UnfollowBoard accepts any id; checking the board first keeps a
	// secret board "not found" here too.
	if _, err := a.Service.BoardByID(ctx, viewer(c), id); err != nil {
		return err
	}
	if err := a.Service.UnfollowBoard(ctx, viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, followJSON{ID: strconv.FormatInt(id, 10)})
}
