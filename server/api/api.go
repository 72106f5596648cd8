// Package api is the JSON client API: Mastodon-compatible where Mastodon has
// the concept (apps, OAuth, accounts, instance), Corkboard's own elsewhere.
package api

import (
	"html/template"
	"log/slog"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Deps is what the API needs from the composition root.
type Deps struct {
	Service *corkboard.Service
	BaseURL string
	Log     *slog.Logger
	Version string
	// TokenByAddress limits POST /oauth/token per client address;
	// PerToken limits every authenticated API call per token.
	TokenByAddress, PerToken *ratelimit.Limiter
	// LoginByAddress and LoginByAccount limit the OAuth log-in form.
	LoginByAddress, LoginByAccount *ratelimit.Limiter
	// MaxUploadBytes caps an image upload (Config.MaxUploadBytes); the
	// upload routes are exempt from the server's body limit.
	MaxUploadBytes int64
}

// API serves the client API.
type API struct {
	Deps
	pages *template.Template // the OAuth log-in and consent pages
}

// New builds the API.
func New(d Deps) *API {
	return &API{Deps: d, pages: parsePages()}
}

// Register adds the API's routes: its one route table.
func (a *API) Register(e *echo.Echo) {
	cors, auth := corsMiddleware(), a.authenticate
	// Public reads take a token when one is sent (it shows the viewer's
	// own secret boards and pins) and need it to have the read scope.
	maybeAuth, readIfToken := a.authenticateIfToken, requireScopeIfToken

	e.POST("/api/v1/apps", a.createApp, cors)
	e.GET("/api/v1/apps/verify_credentials", a.verifyApp, cors, auth, requireApp)

	e.GET("/oauth/authorize", a.authorizePage)
	e.POST("/oauth/authorize", a.authorize)
	e.POST("/oauth/token", a.token, cors)
	e.POST("/oauth/revoke", a.revoke, cors)

	e.GET("/api/v1/accounts/verify_credentials", a.verifyCredentials, cors, auth, requireScope("read:accounts", "profile"), requireUser)
	e.PATCH("/api/v1/accounts/update_credentials", a.updateCredentials, cors, auth, requireScope("write:accounts"), requireUser)
	e.GET("/api/v1/accounts/lookup", a.lookupAccount, cors, maybeAuth, readIfToken("read:accounts"))
	e.GET("/api/v1/accounts/search", a.searchAccounts, cors, auth, requireScope("read:accounts"), requireUser)
	e.GET("/api/v1/accounts/relationships", a.relationships, cors, auth, requireScope("read:follows", "follow"), requireUser)
	e.GET("/api/v1/accounts/:id", a.account, cors, maybeAuth, readIfToken("read:accounts"))
	// Following people, here or on other servers (requested until their
	// server accepts); answered with Mastodon's Relationship.
	e.POST("/api/v1/accounts/:id/follow", a.followAccount, cors, auth, requireScope("write:follows", "follow"), requireUser)
	e.POST("/api/v1/accounts/:id/unfollow", a.unfollowAccount, cors, auth, requireScope("write:follows", "follow"), requireUser)
	e.POST("/api/v1/accounts/:id/block", a.blockAccount, cors, auth, requireScope("write:blocks", "follow"), requireUser)
	e.POST("/api/v1/accounts/:id/unblock", a.unblockAccount, cors, auth, requireScope("write:blocks", "follow"), requireUser)
	// Follows of a locked person wait for their answer (:id is the asking account's).
	e.GET("/api/v1/follow_requests", a.followRequests, cors, auth, requireScope("read:follows", "follow"), requireUser)
	e.POST("/api/v1/follow_requests/:id/authorize", a.authorizeFollowRequest, cors, auth, requireScope("write:follows", "follow"), requireUser)
	e.POST("/api/v1/follow_requests/:id/reject", a.rejectFollowRequest, cors, auth, requireScope("write:follows", "follow"), requireUser)
	e.GET("/api/v1/blocks", a.blocks, cors, auth, requireScope("read:blocks", "follow"), requireUser)
	e.GET("/api/v1/accounts/:id/boards", a.accountBoards, cors, maybeAuth, readIfToken("read:boards"))
	e.GET("/api/v1/accounts/:id/pins", a.accountPins, cors, maybeAuth, readIfToken("read:statuses"))

	// Boards, pins and comments: Corkboard's own entities. Reads are public
	// (secret boards and their pins are "not found" to all but their
	// owner); writes need a token acting for a person.
	e.POST("/api/v1/boards", a.createBoard, cors, auth, requireScope("write:boards"), requireUser)
	e.GET("/api/v1/boards/:id", a.board, cors, maybeAuth, readIfToken("read:boards"))
	e.PATCH("/api/v1/boards/:id", a.updateBoard, cors, auth, requireScope("write:boards"), requireUser)
	e.PUT("/api/v1/boards/:id", a.updateBoard, cors, auth, requireScope("write:boards"), requireUser)
	e.DELETE("/api/v1/boards/:id", a.deleteBoard, cors, auth, requireScope("write:boards"), requireUser)
	e.GET("/api/v1/boards/:id/pins", a.boardPins, cors, maybeAuth, readIfToken("read:statuses"))
	e.POST("/api/v1/boards/:id/follow", a.followBoard, cors, auth, requireScope("write:follows", "follow"), requireUser)
	e.POST("/api/v1/boards/:id/unfollow", a.unfollowBoard, cors, auth, requireScope("write:follows", "follow"), requireUser)

	e.POST("/api/v1/pins", a.createPin, cors, auth, requireScope("write:statuses", "write:media"), requireUser)
	e.GET("/api/v1/pins/:id", a.pin, cors, maybeAuth, readIfToken("read:statuses"))
	e.PATCH("/api/v1/pins/:id", a.updatePin, cors, auth, requireScope("write:statuses"), requireUser)
	e.DELETE("/api/v1/pins/:id", a.deletePin, cors, auth, requireScope("write:statuses"), requireUser)
	e.POST("/api/v1/pins/:id/save", a.savePin, cors, auth, requireScope("write:statuses"), requireUser)
	e.POST("/api/v1/pins/:id/like", a.likePin, cors, auth, requireScope("write:favourites"), requireUser)
	e.POST("/api/v1/pins/:id/unlike", a.unlikePin, cors, auth, requireScope("write:favourites"), requireUser)
	e.GET("/api/v1/pins/:id/comments", a.comments, cors, maybeAuth, readIfToken("read:statuses"))
	e.POST("/api/v1/pins/:id/comments", a.createComment, cors, auth, requireScope("write:statuses"), requireUser)
	e.DELETE("/api/v1/comments/:id", a.deleteComment, cors, auth, requireScope("write:statuses"), requireUser)

	e.GET("/api/v1/timelines/home", a.homeTimeline, cors, auth, requireScope("read:statuses"), requireUser)
	e.GET("/api/v1/tags/:tag/pins", a.tagPins, cors, maybeAuth, readIfToken("read:statuses"))
	e.GET("/api/v1/search", a.search, cors, maybeAuth, readIfToken("read:search"))
	e.GET("/api/v2/search", a.searchV2, cors, maybeAuth, readIfToken("read:search"))
	e.GET("/api/v1/search/pins", a.searchPins, cors, maybeAuth, readIfToken("read:search"))

	// Private messages as Mastodon's direct statuses, conversations and
	// notifications (message requests: Mastodon 4.3's notification requests).
	e.POST("/api/v1/statuses", a.createStatus, cors, auth, requireScope("write:statuses"), requireUser)
	// Images for direct statuses: uploaded first, then named in media_ids[].
	e.POST("/api/v2/media", a.uploadMedia, cors, auth, requireScope("write:media"), requireUser)
	e.POST("/api/v1/media", a.uploadMedia, cors, auth, requireScope("write:media"), requireUser)
	e.GET("/api/v1/media/:id", a.media, cors, auth, requireScope("read:statuses", "write:media"), requireUser)
	e.GET("/api/v1/statuses/:id", a.status, cors, auth, requireScope("read:statuses"), requireUser)
	e.GET("/api/v1/statuses/:id/context", a.statusContext, cors, auth, requireScope("read:statuses"), requireUser)
	e.GET("/api/v1/conversations", a.conversations, cors, auth, requireScope("read:statuses"), requireUser)
	e.POST("/api/v1/conversations/:id/read", a.readConversation, cors, auth, requireScope("write:conversations"), requireUser)
	e.DELETE("/api/v1/conversations/:id", a.deleteConversation, cors, auth, requireScope("write:conversations"), requireUser)
	e.POST("/api/v1/reports", a.createReport, cors, auth, requireScope("write:reports"), requireUser)
	e.GET("/api/v1/notifications", a.notifications, cors, auth, requireScope("read:notifications"), requireUser)
	e.GET("/api/v1/notifications/requests", a.notificationRequests, cors, auth, requireScope("read:notifications"), requireUser)
	e.POST("/api/v1/notifications/requests/:id/accept", a.acceptNotificationRequest, cors, auth, requireScope("write:notifications"), requireUser)
	e.POST("/api/v1/notifications/requests/:id/dismiss", a.dismissNotificationRequest, cors, auth, requireScope("write:notifications"), requireUser)

	e.GET("/api/v1/instance", a.instanceV1, cors)
	e.GET("/api/v2/instance", a.instanceV2, cors)

	// Browsers send a preflight before cross-origin calls with a bearer
	// token or a JSON body; the CORS middleware answers it.
	for _, path := range []string{"/api/*", "/oauth/token", "/oauth/revoke"} {
		e.OPTIONS(path, noContent, cors)
	}
	// Without this, the OPTIONS route would turn every unknown API path
	// into a 405 instead of a 404.
	e.RouteNotFound("/api/*", notFound, cors)
}

// corsMiddleware lets web clients on other origins call the API, as they
// do with Mastodon. Credentials are bearer tokens, never cookies, so any
// origin may be allowed without exposing a session.
func corsMiddleware() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:  []string{"*"},
		AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete},
		AllowHeaders:  []string{echo.HeaderAuthorization, echo.HeaderContentType, "Idempotency-Key"},
		ExposeHeaders: []string{"Link", echo.HeaderRetryAfter, echo.HeaderXRequestID},
		MaxAge:        86400,
	})
}

func noContent(c echo.Context) error { return c.NoContent(http.StatusNoContent) }

func notFound(echo.Context) error { return echo.ErrNotFound }
