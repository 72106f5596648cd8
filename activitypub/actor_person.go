package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// person serves a local person's actor document at /users/{username}; a
// browser is sent to the profile page.
func (f *Federation) person(c echo.Context) error {
	username := c.Param("username")
	if wantsPage(c) {
		return redirectToPage(c, f.profileURL(username))
	}
	a, err := f.Service.PublicProfile(c.Request().Context(), username)
	if err != nil {
		return err
	}
	pem, err := f.actorPublicKey(c.Request().Context(), f.personIRI(a.Username))
	if err != nil {
		return err
	}
	body, err := f.personJSON(a, pem, keyOnly(c))
	if err != nil {
		return err
	}
	return serveActivity(c, body)
}

// personJSON is a local person's actor document, cached per version of
// the account. keyOnly leaves out everything but what delivery and
// signature checks need (see signedOrKeyOnly).
func (f *Federation) personJSON(a *corkboard.Account, pem string, keyOnly bool) ([]byte, error) {
	id := f.personIRI(a.Username)
	in := vocab.PersonInput{
		ID: id, Username: a.Username, Inbox: id + "/inbox", Outbox: id + "/outbox",
		Followers: id + "/followers", Following: id + "/following", SharedInbox: f.sharedInboxIRI(),
		PublicKeyID: f.keyIDFor(id), PublicKeyPEM: pem, ManuallyApprovesFollowers: a.ManuallyApproves,
	}
	key := "person:" + id
	if keyOnly {
		key = "person-key:" + id
	} else {
		in.Name, in.Summary, in.URL, in.Featured = a.Name(), f.richParagraphs(a.Bio), f.profileURL(a.Username), id+"/featured"
		in.Discoverable, in.Published = true, a.CreatedAt
		// The default avatar is an SVG, which no server accepts as an
		// icon: send one only for an uploaded avatar.
		if a.AvatarKey != "" {
			in.IconURL, in.IconMediaType = f.mediaURL(a.AvatarKey), mediaTypeOfKey(a.AvatarKey)
		}
	}
	body, err := f.cached(key, a.UpdatedAt, func() ([]byte, error) { return vocab.PersonJSON(in) })
	if err != nil {
		return nil, fmt.Errorf("person document of %s: %w", a.Username, err)
	}
	return body, nil
}

// actorPublicKey returns a local actor's public key, generating the key
// pair on first use. Handlers call it outside any transaction.
func (f *Federation) actorPublicKey(ctx context.Context, actorIRI string) (string, error) {
	k, err := f.localKey(ctx, actorIRI)
	if err != nil {
		return "", err
	}
	return k.publicPEM, nil
}

// profileURL is a person's HTML page.
func (f *Federation) profileURL(username string) string { return f.BaseURL + "/@" + username }
