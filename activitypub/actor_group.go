package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// group serves a public board's Group actor at /boards/{id}; a browser is
// sent to the board's page. Secret and remote boards are not found.
func (f *Federation) group(c echo.Context) error {
	b, err := f.publicBoard(c.Request().Context(), c)
	if err != nil {
		return err
	}
	if wantsPage(c) {
		return redirectToPage(c, f.boardURL(b))
	}
	pem, err := f.actorPublicKey(c.Request().Context(), f.boardIRI(b.ID))
	if err != nil {
		return err
	}
	body, err := f.groupJSON(b, pem, keyOnly(c))
	if err != nil {
		return err
	}
	return serveActivity(c, body)
}

// publicBoard loads the board named by the :id parameter, with its
// owner, if we publish it: local, not secret, its owner not hidden.
func (f *Federation) publicBoard(ctx context.Context, c echo.Context) (*corkboard.Board, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	b, err := f.Service.BoardByID(ctx, nil, id) // a secret board is not found
	if err != nil {
		return nil, err
	}
	if b.IRI != "" || hidden(b.Account) {
		return nil, notFound()
	}
	return b, nil
}

// groupJSON is a board's actor document, cached per version of the board.
// A board is an actor of its own, "alice.recipes", with its own inbox,
// collections and key (it signs the Announces of its pins), attributed to
// its owner.
func (f *Federation) groupJSON(b *corkboard.Board, pem string, keyOnly bool) ([]byte, error) {
	id := f.boardIRI(b.ID)
	in := vocab.GroupInput{AttributedTo: f.personIRI(b.Account.Username), PersonInput: vocab.PersonInput{
		ID: id, Username: boardHandle(b), Inbox: id + "/inbox", Outbox: id + "/outbox",
		Followers: id + "/followers", Following: id + "/following", SharedInbox: f.sharedInboxIRI(),
		PublicKeyID: f.keyIDFor(id), PublicKeyPEM: pem, ManuallyApprovesFollowers: b.ManuallyApproves,
	}}
	key := "group:" + id
	if keyOnly {
		key = "group-key:" + id
	} else {
		in.Name, in.Summary, in.URL = b.Title, f.richParagraphs(b.Description), f.boardURL(b)
		in.Discoverable, in.Published = true, b.CreatedAt
	}
	// The owner's username is immutable, so the board's version covers
	// everything in the document.
	body, err := f.cached(key, b.UpdatedAt, func() ([]byte, error) { return vocab.GroupJSON(in) })
	if err != nil {
		return nil, fmt.Errorf("group document of board %d: %w", b.ID, err)
	}
	return body, nil
}

// boardHandle is a board's preferredUsername: owner and slug joined by a
// dot, which neither may contain ("alice.recipes").
func boardHandle(b *corkboard.Board) string { return b.Account.Username + "." + b.Slug }

// boardURL is a board's HTML page.
func (f *Federation) boardURL(b *corkboard.Board) string {
	return f.BaseURL + "/@" + b.Account.Username + "/" + b.Slug
}
