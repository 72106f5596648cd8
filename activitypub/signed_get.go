package activitypub

import (
	"github.com/labstack/echo/v4"
)

// Keys of what requireSignedGET leaves in the request context.
const (
	ctxSigner  = "activitypub.signer"   // the verified signer's actor IRI
	ctxKeyOnly = "activitypub.key_only" // serve an actor's technical attributes only
)

// requireSignedGET enforces authorized fetch on a document route: with
// Deps.AuthorizedFetch every request for an ActivityPub document must
// carry a valid HTTP signature (verifyGET), which lets domain blocks bite
// on reads too. Requests for the HTML page pass: they get a redirect, not
// the document. WebFinger, NodeInfo, host-meta, the instance actor and
// media are never behind it.
func (f *Federation) requireSignedGET(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !f.AuthorizedFetch || wantsPage(c) {
			return next(c)
		}
		signer, err := f.verifyGET(c)
		if err != nil {
			return err
		}
		c.Set(ctxSigner, signer)
		return next(c)
	}
}

// signedOrKeyOnly is requireSignedGET for actors. An unsigned request
// still gets the actor's technical attributes (id, inbox, keys), as from
// Mastodon in secure mode: a server verifying our signature fetches our
// key, and it cannot sign that fetch with a key we have not yet seen
// without the two of us waiting on each other forever.
func (f *Federation) signedOrKeyOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !f.AuthorizedFetch || wantsPage(c) {
			return next(c)
		}
		if signer, err := f.verifyGET(c); err == nil {
			c.Set(ctxSigner, signer)
		} else {
			c.Set(ctxKeyOnly, true)
		}
		return next(c)
	}
}

// keyOnly reports whether signedOrKeyOnly limited this request.
func keyOnly(c echo.Context) bool {
	v, _ := c.Get(ctxKeyOnly).(bool)
	return v
}
