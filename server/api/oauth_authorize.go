package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// authorizeRequest is an authorization request as the page and its form
// carry it. App is set once client_id and redirect_uri are known good.
type authorizeRequest struct {
	corkboard.AuthRequest
	State string
	App   *corkboard.App
}

// authorizePage is GET /oauth/authorize: the log-in and consent page.
func (a *API) authorizePage(c echo.Context) error {
	r, err := a.readAuthorize(c)
	if err != nil {
		return a.authorizeFailed(c, r, err)
	}
	return a.renderConsent(c, http.StatusOK, r, "", "")
}

// authorize is POST /oauth/authorize: the person's answer on the page.
func (a *API) authorize(c echo.Context) error {
	if !checkCSRF(c) {
		return echo.NewHTTPError(http.StatusForbidden, "This form has expired; go back to the app and start again")
	}
	r, err := a.readAuthorize(c)
	if err != nil {
		return a.authorizeFailed(c, r, err)
	}
	if c.FormValue("decision") != "authorize" {
		return a.authorizeFailed(c, r, corkboard.OAuthErrorf(corkboard.OAuthAccessDenied, "you denied the app access"))
	}
	username := strings.ToLower(strings.TrimSpace(c.FormValue("username")))
	if err := limit(c, a.LoginByAddress, c.RealIP()); err != nil {
		return err
	}
	if err := limit(c, a.LoginByAccount, username); err != nil {
		return err
	}
	account, err := a.Service.Authenticate(c.Request().Context(), username, c.FormValue("password"))
	if err != nil {
		return a.loginFailed(c, r, username, err)
	}
	code, err := a.Service.AuthorizeCode(c.Request().Context(), account, r.AuthRequest)
	if err != nil {
		return a.authorizeFailed(c, r, err)
	}
	if r.RedirectURI == corkboard.OOBRedirectURI {
		return a.renderCode(c, r, code)
	}
	return redirectTo(c, r, url.Values{"code": {code}})
}

// loginFailed shows the page again with the reason (a wrong password, a
// disabled account); nothing was stored.
func (a *API) loginFailed(c echo.Context, r *authorizeRequest, username string, err error) error {
	switch corkboard.ErrorCode(err) {
	case corkboard.EUNAUTHORIZED:
		return a.renderConsent(c, http.StatusUnauthorized, r, username, corkboard.ErrorMessage(err))
	case corkboard.EFORBIDDEN:
		return a.renderConsent(c, http.StatusForbidden, r, username, corkboard.ErrorMessage(err))
	}
	return err
}

// readAuthorize reads the request from the query (GET) or form (POST) and
// checks it. It returns the request once its app is known, even with an
// error, so that the error can be sent to the app's redirect URI.
func (a *API) readAuthorize(c echo.Context) (*authorizeRequest, error) {
	r := &authorizeRequest{State: c.FormValue("state"), AuthRequest: corkboard.AuthRequest{
		ClientID: c.FormValue("client_id"), RedirectURI: c.FormValue("redirect_uri"), Scopes: c.FormValue("scope"),
		CodeChallenge: c.FormValue("code_challenge"), CodeChallengeMethod: c.FormValue("code_challenge_method"),
	}}
	app, err := a.Service.AuthRequestApp(c.Request().Context(), r.ClientID, r.RedirectURI)
	if err != nil {
		return nil, err
	}
	r.App = app
	if c.FormValue("response_type") != "code" {
		return r, corkboard.OAuthErrorf(corkboard.OAuthUnsupportedResponseType, "response_type must be code")
	}
	r.AuthRequest, err = corkboard.CheckAuthRequest(app, r.AuthRequest)
	return r, err
}

// authorizeFailed reports an OAuth error to the app at its redirect URI
// when that URI is known good, and to the person on a page otherwise
// (RFC 6749 §4.1.2.1): never to an unverified URI, or we would be an open
// redirector.
func (a *API) authorizeFailed(c echo.Context, r *authorizeRequest, err error) error {
	name := corkboard.OAuthErrorName(err)
	switch {
	case name == "":
		return err
	case r == nil || r.RedirectURI == corkboard.OOBRedirectURI:
		status := http.StatusBadRequest
		if name == corkboard.OAuthAccessDenied {
			status = http.StatusForbidden
		}
		return echo.NewHTTPError(status, corkboard.ErrorMessage(err))
	}
	return redirectTo(c, r, url.Values{"error": {name}, "error_description": {corkboard.ErrorMessage(err)}})
}

// redirectTo sends the browser back to the app with v (and the app's
// state) added to the redirect URI's query.
func redirectTo(c echo.Context, r *authorizeRequest, v url.Values) error {
	u, err := url.Parse(r.RedirectURI)
	if err != nil {
		return err // registered URIs parse; this would be a bug
	}
	q := u.Query()
	for k, vs := range v {
		q[k] = vs
	}
	if r.State != "" {
		q.Set("state", r.State)
	}
	u.RawQuery = q.Encode()
	noStore(c)
	return c.Redirect(http.StatusFound, u.String())
}
