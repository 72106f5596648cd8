package activitypub

import (
	"fmt"

	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// personFeatured serves /users/{username}/featured, always empty.
//
// Boards would be the natural thing to feature, but Mastodon and
// GoToSocial read "featured" as a person's pinned posts: they fetch every
// item as a status, and a Group is not one, so each follower's server
// would make one useless request per board. Boards are found through
// WebFinger (acct:alice.recipes@host) and their attributedTo instead.
// Advertising the collection keeps servers that expect it from failing.
func (f *Federation) personFeatured(c echo.Context) error {
	a, err := f.Service.PublicProfile(c.Request().Context(), c.Param("username"))
	if err != nil {
		return err
	}
	return serveEmptyCollection(c, f.personIRI(a.Username)+"/featured")
}

// serveEmptyCollection serves a collection that is always empty, with its
// (empty) items inline rather than behind a first page.
func serveEmptyCollection(c echo.Context, id string) error {
	body, err := vocab.CollectionJSON(vocab.CollectionInput{ID: id})
	if err != nil {
		return fmt.Errorf("collection %s: %w", id, err)
	}
	return serveActivity(c, body)
}
