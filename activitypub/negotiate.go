package activitypub

import (
	"mime"
	"strings"

	"github.com/labstack/echo/v4"
)

// negotiate routes ActivityPub requests for URLs that are also HTML pages
// (a pin's /pins/{id}, a message's /messages/{id}) to the ActivityPub
// handlers, before routing. Other IRIs (/users/..., /boards/...) are
// ActivityPub's own routes.
func (f *Federation) negotiate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method == "GET" || r.Method == "HEAD" {
			if (strings.HasPrefix(r.URL.Path, "/pins/") || strings.HasPrefix(r.URL.Path, "/messages/")) &&
				WantsActivityJSON(r.Header.Get("Accept")) {
				r.URL.Path = apPrefix + r.URL.Path
				r.URL.RawPath = ""
			}
		}
		return next(c)
	}
}

// WantsActivityJSON reports whether an Accept header asks for an
// ActivityStreams document: application/activity+json, or
// application/ld+json with the ActivityStreams profile (or any ld+json:
// several servers send it without the profile).
func WantsActivityJSON(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		if mt == "application/activity+json" || mt == "application/ld+json" {
			return true
		}
	}
	return false
}
