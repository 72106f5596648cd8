package activitypub

import (
	"github.com/labstack/echo/v4"
)

// Register adds the federation routes: the one route table of this
// surface. Documents are served at their IRIs; a browser asking for an
// actor's IRI is sent to its HTML page (see negotiate for the other way).
func (f *Federation) Register(e *echo.Echo) {
	e.Pre(f.negotiate)

	// Discovery.
	e.GET("/.well-known/webfinger", f.webfinger)
	e.GET("/.well-known/host-meta", f.hostMeta)
	e.GET("/.well-known/nodeinfo", f.nodeinfoLinks)
	e.GET("/nodeinfo/:version", f.nodeinfo)

	// Actors and their collections. In authorized-fetch mode documents
	// need a signed request (actors answer unsigned ones with their keys
	// only); the instance actor is always public, or no one could verify
	// its signatures.
	signed, actor := f.requireSignedGET, f.signedOrKeyOnly
	e.GET("/actor", f.instanceActor)
	e.GET("/actor/outbox", f.instanceOutbox)
	e.GET("/users/:username", f.person, actor)
	e.GET("/users/:username/outbox", f.personOutbox, signed)
	e.GET("/users/:username/followers", f.personFollowers, signed)
	e.GET("/users/:username/following", f.personFollowing, signed)
	e.GET("/users/:username/featured", f.personFeatured, signed)
	e.GET("/boards/:id", f.group, actor)
	e.GET("/boards/:id/outbox", f.groupOutbox, signed)
	e.GET("/boards/:id/followers", f.groupFollowers, signed)
	e.GET("/boards/:id/following", f.groupFollowing, signed)

	// Objects (reached through negotiate for /pins/:id, which is also
	// the pin's HTML page).
	e.GET(apPrefix+"/pins/:id", f.pinObject, signed)
	e.GET("/comments/:id", f.commentObject, signed)
	e.GET("/follows/:id", f.followObject, signed)
	// A message's IRI is also its thread's HTML page (for participants
	// signed in here); negotiate sends ActivityPub requests to this one,
	// which answers only a request signed by a participant.
	e.GET(apPrefix+"/messages/:id", f.messageObject)
	e.GET(apPrefix+"/messages/:id/copies/:account", f.messageCopy) // one recipient's copy, to them only

	// Inboxes.
	e.POST("/inbox", f.sharedInbox)
	e.POST("/actor/inbox", f.sharedInbox)
	e.POST("/users/:username/inbox", f.personInbox)
	e.POST("/boards/:id/inbox", f.groupInbox)
}

// apPrefix is where negotiate routes ActivityPub requests for URLs that
// are also HTML pages.
const apPrefix = "/_ap"
