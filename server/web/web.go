// Package web serves Corkboard's HTML pages and form posts. Every page
// works without JavaScript; every form post is protected against CSRF.
package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/ratelimit"
	"github.com/labstack/echo/v4"
)

// Deps is what the pages need from the composition root.
type Deps struct {
	Service *corkboard.Service
	BaseURL string
	Log     *slog.Logger
	Version string
	// Rate limits for log-in (per address and per account) and sign-up.
	LoginByAddress, LoginByAccount, SignupByAddress *ratelimit.Limiter
	// MaxUploadBytes caps a pin's image upload (default 20 MB).
	MaxUploadBytes int64
	// MediaSize tells a stored file's size, for RSS enclosures; nil gives 0.
	MediaSize func(ctx context.Context, key string) (int64, error)
}

// Web serves the pages. Templates and assets are loaded once, in New.
type Web struct {
	Deps
	pages  map[string]*template.Template
	assets *assets
	secure bool // cookies get the Secure flag when BaseURL is https
	csrf   echo.MiddlewareFunc
}

// New builds the pages. The templates and assets are embedded in the
// binary, so failing to load them is a programming error and panics (the
// package's tests load them).
func New(d Deps) *Web {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	w := &Web{Deps: d, secure: strings.HasPrefix(d.BaseURL, "https://")}
	var err error
	if w.assets, err = loadAssets(); err != nil {
		panic("web: " + err.Error())
	}
	if w.pages, err = parsePages(w.funcs()); err != nil {
		panic("web: " + err.Error())
	}
	w.csrf = w.newCSRF()
	return w
}

// Register adds the pages' routes: their one route table. Every page runs
// the session and CSRF middleware; /static does not (it is cacheable and
// cookie-free).
func (w *Web) Register(e *echo.Echo) {
	page := func(method, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.Add(method, path, h, append([]echo.MiddlewareFunc{w.loadSession, w.csrf}, m...)...)
	}
	signedIn := w.requireSignIn
	e.GET("/static/*", w.static)

	page(http.MethodGet, "/", w.home)
	page(http.MethodGet, "/search", w.search)
	page(http.MethodGet, "/tags/:tag", w.tag)
	page(http.MethodGet, "/@:username", w.profile)
	page(http.MethodPost, "/@:username/follow", w.followAccount, signedIn)
	page(http.MethodPost, "/@:username/unfollow", w.unfollowAccount, signedIn)
	page(http.MethodGet, "/@:username/:slug", w.board)
	// RSS: public and the same for everyone, so no session and no cookie.
	// Slugs have no dots, so "feed.rss" is never a board.
	e.GET("/@:username/feed.rss", w.profileFeed)
	e.GET("/@:username/:slug/feed.rss", w.boardFeed)

	page(http.MethodGet, "/boards/new", w.newBoardForm, signedIn)
	page(http.MethodPost, "/boards/new", w.createBoard, signedIn)
	page(http.MethodGet, "/boards/:id/edit", w.editBoardForm, signedIn)
	page(http.MethodPost, "/boards/:id/edit", w.updateBoard, signedIn)
	page(http.MethodPost, "/boards/:id/delete", w.deleteBoard, signedIn)
	page(http.MethodPost, "/boards/:id/follow", w.followBoard, signedIn)
	page(http.MethodPost, "/boards/:id/unfollow", w.unfollowBoard, signedIn)

	page(http.MethodGet, "/pins/new", w.newPinForm, signedIn)
	// The pin form carries a file: its body is read under the upload cap
	// before the CSRF check reads the token from it (see parseUpload).
	e.POST("/pins", w.createPin, w.loadSession, signedIn, w.parseUpload, w.csrf)
	page(http.MethodGet, "/pins/:id", w.pin)
	page(http.MethodGet, "/pins/:id/edit", w.editPinForm, signedIn)
	page(http.MethodPost, "/pins/:id/edit", w.updatePin, signedIn)
	page(http.MethodPost, "/pins/:id/delete", w.deletePin, signedIn)
	page(http.MethodPost, "/pins/:id/like", w.likePin, signedIn)
	page(http.MethodPost, "/pins/:id/unlike", w.unlikePin, signedIn)
	page(http.MethodPost, "/pins/:id/save", w.savePin, signedIn)
	page(http.MethodPost, "/pins/:id/comments", w.comment, signedIn)
	page(http.MethodPost, "/comments/:id/delete", w.deleteComment, signedIn)

	page(http.MethodGet, "/login", w.loginForm)
	page(http.MethodPost, "/login", w.login)
	page(http.MethodPost, "/logout", w.logout)
	page(http.MethodGet, "/signup", w.signupForm)
	page(http.MethodPost, "/signup", w.signup)
	page(http.MethodGet, "/setup", w.setupForm)
	page(http.MethodPost, "/setup", w.setup)

	page(http.MethodGet, "/settings/profile", w.settingsProfileForm, signedIn)
	// It carries a file too (the avatar): see parseUpload. The CSRF check
	// comes before the sign-in one, as on every page (a forged post is a
	// 403, not a trip to the log-in page).
	e.POST("/settings/profile", w.settingsProfile, w.loadSession, w.parseUploadFor(w.settingsProfileRefused), w.csrf, signedIn)
	page(http.MethodPost, "/settings/profile/avatar/delete", w.removeAvatar, signedIn)
	page(http.MethodGet, "/follow-requests", w.followRequests, signedIn)
	page(http.MethodPost, "/follow-requests/:id/authorize", w.authorizeFollowRequest, signedIn)
	page(http.MethodPost, "/follow-requests/:id/reject", w.rejectFollowRequest, signedIn)

	page(http.MethodGet, "/send", w.sendForm, signedIn)
	page(http.MethodPost, "/send", w.send, signedIn)
	page(http.MethodGet, "/send/people", w.sendPeople, signedIn)
	page(http.MethodGet, "/messages", w.messages, signedIn)
	page(http.MethodGet, "/messages/requests", w.messageRequests, signedIn)
	page(http.MethodGet, "/messages/:id", w.thread, signedIn)
	page(http.MethodPost, "/messages/:id", w.reply, signedIn)
	page(http.MethodPost, "/messages/:id/mute", w.conversationAction(muteConversation), signedIn)
	page(http.MethodPost, "/messages/:id/unmute", w.conversationAction(unmuteConversation), signedIn)
	page(http.MethodPost, "/messages/:id/leave", w.conversationAction(leaveConversation), signedIn)
	page(http.MethodPost, "/messages/:id/accept", w.conversationAction(acceptRequest), signedIn)
	page(http.MethodPost, "/messages/:id/decline", w.conversationAction(declineRequest), signedIn)
	page(http.MethodPost, "/messages/:id/block", w.conversationAction(blockSender), signedIn)
	page(http.MethodPost, "/messages/:id/messages/:message/delete", w.deleteMessage, signedIn)
	page(http.MethodGet, "/messages/:id/messages/:message/report", w.reportForm, signedIn)
	page(http.MethodPost, "/messages/:id/messages/:message/report", w.report, signedIn)
	page(http.MethodGet, "/settings/messages", w.messageSettingsForm, signedIn)
	page(http.MethodPost, "/settings/messages", w.messageSettings, signedIn)
	page(http.MethodPost, "/settings/blocks/:id/unblock", w.unblock, signedIn)

	page(http.MethodGet, "/admin", w.admin, w.requireAdmin)
	page(http.MethodPost, "/admin/registration", w.adminRegistration, w.requireAdmin)
	page(http.MethodPost, "/admin/accounts/:username/approve", w.adminApprove, w.requireAdmin)
	page(http.MethodPost, "/admin/accounts/:username/reject", w.adminReject, w.requireAdmin)
	page(http.MethodPost, "/admin/invites", w.adminCreateInvite, w.requireAdmin)
	page(http.MethodPost, "/admin/blocks", w.adminBlockDomain, w.requireAdmin)
	page(http.MethodPost, "/admin/blocks/remove", w.adminUnblockDomain, w.requireAdmin)
	page(http.MethodPost, "/admin/reports/:id/resolve", w.adminResolveReport, w.requireAdmin)
	page(http.MethodPost, "/admin/reports/:id/reopen", w.adminReopenReport, w.requireAdmin)
	page(http.MethodPost, "/admin/reports/:id/suspend", w.adminSuspendReported, w.requireAdmin)
	page(http.MethodPost, "/admin/suspensions/remove", w.adminUnsuspend, w.requireAdmin)
}
