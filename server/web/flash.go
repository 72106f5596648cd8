package web

import (
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

const flashCookie = "corkboard_flash"

// flash is a one-time message shown on the page after a redirect
// ("Profile saved"). It travels in a short-lived cookie, so it needs no
// server-side state and works without JavaScript.
type flash struct {
	Kind    string // success, error or info: a CSS modifier
	Message string
}

// setFlash queues a message for the next rendered page.
func (w *Web) setFlash(c echo.Context, kind, msg string) {
	v := base64.RawURLEncoding.EncodeToString([]byte(kind + "\n" + msg))
	c.SetCookie(w.flashCookie(v, 60))
}

// takeFlash reads the queued message, if any, and clears it.
func (w *Web) takeFlash(c echo.Context) *flash {
	k, err := c.Cookie(flashCookie)
	if err != nil || k.Value == "" {
		return nil
	}
	c.SetCookie(w.flashCookie("", -1))
	raw, err := base64.RawURLEncoding.DecodeString(k.Value)
	if err != nil {
		return nil
	}
	kind, msg, ok := strings.Cut(string(raw), "\n")
	if !ok || (kind != "success" && kind != "error" && kind != "info") {
		return nil
	}
	return &flash{Kind: kind, Message: msg}
}

func (w *Web) flashCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: flashCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: w.secure, SameSite: http.SameSiteLaxMode,
	}
}
