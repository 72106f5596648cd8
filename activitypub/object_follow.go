package activitypub

import (
	"context"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// followObject serves one of our Follow activities at its IRI,
// /follows/{id}: some servers dereference the object of an Accept or
// Undo rather than trust the embedded copy. Only follows by our own
// people are ours to publish; the rest are not found.
func (f *Federation) followObject(c echo.Context) error {
	if wantsPage(c) {
		return echo.NewHTTPError(http.StatusNotAcceptable, "this is an ActivityPub document")
	}
	ctx := c.Request().Context()
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	fo, err := f.Store.FollowByIRI(ctx, f.followIRI(id))
	if err != nil {
		return err
	}
	follower, err := f.Store.AccountByID(ctx, fo.FollowerID)
	if err != nil {
		return err
	}
	if hidden(follower) {
		return notFound()
	}
	target, err := f.followTargetIRI(ctx, f.Store, fo)
	if err != nil {
		return err
	}
	body, err := followJSON(fo.IRI, f.personIRI(follower.Username), target)
	if err != nil {
		return err
	}
	return serveActivity(c, body)
}

// followTargetIRI is the IRI of the person or board a follow targets,
// local or remote. A secret board is not found.
func (f *Federation) followTargetIRI(ctx context.Context, store Store, fo *corkboard.Follow) (string, error) {
	if fo.TargetBoardID != 0 {
		b, err := store.BoardByID(ctx, fo.TargetBoardID)
		if err != nil {
			return "", err
		}
		if b.Secret {
			return "", notFound()
		}
		return f.boardActorIRI(b), nil
	}
	a, err := store.AccountByID(ctx, fo.TargetAccountID)
	if err != nil {
		return "", err
	}
	return f.accountIRI(a), nil
}
