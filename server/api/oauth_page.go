package api

import (
	"crypto/subtle"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

//go:embed oauth_page.html
var pageFS embed.FS

// parsePages parses the embedded templates; they are part of the binary,
// so a parse error is a bug that the first test finds.
func parsePages() *template.Template {
	return template.Must(template.ParseFS(pageFS, "oauth_page.html"))
}

// csrfCookie carries the double-submit token of the authorize form: a
// cross-site form can send the cookie but cannot read it to fill the field.
const csrfCookie = "corkboard_oauth_csrf"

// pageData is what the authorize and code pages show.
type pageData struct {
	Req      *authorizeRequest
	Host     string
	Scopes   []string
	CSRF     string
	Username string
	Error    string
	Code     string
}

// renderConsent shows the log-in and consent form with a fresh CSRF token.
func (a *API) renderConsent(c echo.Context, status int, r *authorizeRequest, username, errMsg string) error {
	token := corkboard.NewSecret()
	c.SetCookie(&http.Cookie{Name: csrfCookie, Value: token, Path: "/oauth/authorize", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: strings.HasPrefix(a.BaseURL, "https://")})
	c.Response().Header().Set("Content-Security-Policy", consentCSP(r.RedirectURI))
	return a.renderPage(c, status, "authorize", pageData{Req: r, Host: a.host(), Scopes: describeScopes(r.Scopes),
		CSRF: token, Username: username, Error: errMsg})
}

// renderCode shows an out-of-band code for the person to paste into the app.
func (a *API) renderCode(c echo.Context, r *authorizeRequest, code string) error {
	return a.renderPage(c, http.StatusOK, "code", pageData{Req: r, Host: a.host(), Code: code})
}

func (a *API) renderPage(c echo.Context, status int, name string, d pageData) error {
	noStore(c)
	var b strings.Builder
	if err := a.pages.ExecuteTemplate(&b, name, d); err != nil {
		return err
	}
	return c.HTML(status, b.String())
}

func (a *API) host() string {
	u, err := url.Parse(a.BaseURL)
	if err != nil {
		return a.BaseURL
	}
	return u.Host
}

// checkCSRF compares the form's token with the cookie's in constant time.
func checkCSRF(c echo.Context) bool {
	ck, err := c.Cookie(csrfCookie)
	field := c.FormValue("csrf_token")
	return err == nil && ck.Value != "" && subtle.ConstantTimeCompare([]byte(ck.Value), []byte(field)) == 1
}

// consentCSP is the page's policy. Browsers apply form-action to the
// redirect that answers the form too, so the app's redirect target must be
// allowed, or the code would never reach it.
func consentCSP(redirectURI string) string {
	formAction := "'self'"
	if src := cspSource(redirectURI); src != "" {
		formAction += " " + src
	}
	return "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action " + formAction +
		"; frame-ancestors 'none'; base-uri 'none'"
}

var cspSourcePattern = regexp.MustCompile(`^[a-z][a-z0-9+.-]*:(//[a-z0-9.:\[\]-]+)?$`)

// cspSource is a redirect URI's CSP source expression ("https://app.example",
// or "myapp:" for a custom scheme), or "" when it cannot be one safely.
func cspSource(redirectURI string) string {
	u, err := url.Parse(redirectURI)
	if err != nil || redirectURI == corkboard.OOBRedirectURI {
		return ""
	}
	src := strings.ToLower(u.Scheme) + ":"
	if u.Host != "" {
		src += "//" + strings.ToLower(u.Host)
	}
	if !cspSourcePattern.MatchString(src) {
		return ""
	}
	return src
}

// describeScopes says what each scope lets an app do, in the page's words;
// sub-scopes ("read:accounts") are shown as they are.
func describeScopes(scopes string) []string {
	var out []string
	for _, sc := range strings.Fields(scopes) {
		out = append(out, scopeText(sc))
	}
	return out
}

func scopeText(scope string) string {
	switch scope {
	case "read":
		return "read all your account's data"
	case "write":
		return "change all your account's data"
	case "follow":
		return "follow, unfollow and block accounts"
	case "push":
		return "receive push notifications"
	case "profile":
		return "read your profile only"
	}
	return scope
}
