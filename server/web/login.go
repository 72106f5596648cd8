package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// loginPage is the data of the log-in form.
type loginPage struct {
	Username, Next string
	Error          string // wrong credentials
	Notice         string // the account exists but cannot sign in yet
}

func (w *Web) loginForm(c echo.Context) error {
	next := safeNext(c.QueryParam("next"))
	if currentAccount(c) != nil {
		return redirect(c, orHome(next))
	}
	return w.render(c, http.StatusOK, "login", "Sign in", loginPage{Next: next})
}

func (w *Web) login(c echo.Context) error {
	page := loginPage{Username: strings.TrimSpace(c.FormValue("username")), Next: safeNext(c.FormValue("next"))}
	if err := limit(c, w.LoginByAddress, c.RealIP()); err != nil {
		return err
	}
	if err := limit(c, w.LoginByAccount, strings.ToLower(page.Username)); err != nil {
		return err
	}
	a, err := w.Service.Authenticate(c.Request().Context(), page.Username, c.FormValue("password"))
	switch corkboard.ErrorCode(err) {
	case "":
	case corkboard.EUNAUTHORIZED:
		page.Error = "Wrong username or password."
		return w.render(c, http.StatusUnauthorized, "login", "Sign in", page)
	case corkboard.EFORBIDDEN: // awaiting approval, or disabled
		page.Notice = sentence(corkboard.ErrorMessage(err))
		return w.render(c, http.StatusForbidden, "login", "Sign in", page)
	default:
		return err
	}
	if err := w.signIn(c, a); err != nil {
		return err
	}
	return redirect(c, orHome(page.Next))
}

// safeNext keeps a post-login destination only if it is a path on this
// site, so that the log-in form cannot be used to send people elsewhere.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return next
}

func orHome(next string) string {
	if next == "" {
		return "/"
	}
	return next
}
