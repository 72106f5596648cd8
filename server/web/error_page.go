package web

import (
	"context"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// errorPage is the data of the error template.
type errorPage struct {
	Status           int
	Heading, Message string
}

// ErrorPage renders an error as an HTML page with status. msg is safe to
// show (the server's error handler strips internals); a Retry-After header,
// where one applies, is set by the caller.
func (w *Web) ErrorPage(c echo.Context, status int, msg string) error {
	if currentAccount(c) == nil {
		w.resolveSession(c) // unrouted paths (404) never ran loadSession
	}
	heading, fallback := errorText(status)
	if msg == "" || msg == http.StatusText(status) || status >= 500 {
		msg = fallback
	}
	err := w.render(c, status, "error", heading, errorPage{Status: status, Heading: heading, Message: sentence(msg)})
	if err != nil {
		w.Log.Error("render error page", "status", status, "err", err)
		return c.String(status, msg)
	}
	return nil
}

// errorText is the heading and the default message for a status.
func errorText(status int) (heading, msg string) {
	switch status {
	case http.StatusNotFound:
		return "Page not found", "We couldn’t find that page. It may have moved, or never existed."
	case http.StatusForbidden:
		return "Not allowed", "You don’t have access to this page."
	case http.StatusUnauthorized:
		return "Please sign in", "You need to sign in to see this page."
	case http.StatusTooManyRequests:
		return "Slow down a little", "Too many attempts. Wait a moment, then try again."
	case http.StatusMethodNotAllowed:
		return "That didn’t work", "This address does not accept that kind of request."
	}
	if status >= 500 {
		return "Something went wrong", "Something went wrong on our side. Please try again in a moment."
	}
	return http.StatusText(status), "That request could not be completed."
}

// resolveSession puts the session's account in the context when the
// cookie is good, so error pages still show who is signed in.
func (w *Web) resolveSession(c echo.Context) {
	k, err := c.Cookie(sessionCookie)
	if err != nil || k.Value == "" || w.Service == nil {
		return
	}
	// The error handler runs after the middleware chain has returned, when
	// the request's deadline context may already be cancelled.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 2*time.Second)
	defer cancel()
	if a, err := w.Service.SessionAccount(ctx, k.Value); err == nil {
		c.SetRequest(c.Request().WithContext(corkboard.WithAccount(c.Request().Context(), a)))
	}
}

// sentence capitalises a domain message ("wrong password" -> "Wrong password")
// and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}
