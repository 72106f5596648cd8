package activitypub

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// What we serve documents as. Mastodon, GoToSocial and Pixelfed all accept
// application/activity+json; the charset keeps browsers from guessing.
const (
	activityJSON        = "application/activity+json"
	activityContentType = activityJSON + "; charset=utf-8"
)

// serveActivity answers with an ActivityPub document. The same URL answers
// HTML to browsers, so caches must key on Accept.
func serveActivity(c echo.Context, body []byte) error {
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderAccept)
	return c.Blob(http.StatusOK, activityContentType, body)
}

// wantsPage reports whether the request asks for a web page rather than
// an ActivityPub document (a browser following an actor's IRI).
func wantsPage(c echo.Context) bool {
	return !WantsActivityJSON(c.Request().Header.Get(echo.HeaderAccept))
}

// redirectToPage sends a browser to the HTML page of what it asked for.
func redirectToPage(c echo.Context, page string) error {
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderAccept)
	return c.Redirect(http.StatusFound, page)
}

// idParam parses a numeric path parameter; anything else is not found.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, corkboard.Errorf(corkboard.ENOTFOUND, "not found")
	}
	return id, nil
}

// notFound is the answer for anything we do not publish (secret, remote,
// hidden): the same as for what does not exist, so nothing leaks.
func notFound() error { return corkboard.Errorf(corkboard.ENOTFOUND, "not found") }

// hidden reports whether a local account's documents must not be served:
// sign-ups awaiting approval and disabled accounts, as on the web pages.
func hidden(a *corkboard.Account) bool {
	return a == nil || !a.IsLocal() || !a.Approved || a.Disabled
}

// jsonEncoder writes JSON without HTML escaping: our documents carry HTML
// and URLs with &, and \u003c noise helps no one.
func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
