package server_test

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

const clientRedirect = "https://client.test/callback"

// testApp is a registered OAuth client.
type testApp struct{ ID, Secret string }

// registerApp registers a client through the API, as a Mastodon app does.
func (e *apiEnv) registerApp(scopes string) testApp {
	e.t.Helper()
	body := `{"client_name":"Pinster","redirect_uris":["` + clientRedirect + `","` + corkboard.OOBRedirectURI + `"],"scopes":"` + scopes + `"}`
	r := e.do(http.MethodPost, "/api/v1/apps", strings.NewReader(body), func(r *http.Request) {
		r.Header.Set("Content-Type", "application/json")
	})
	wantAPIStatus(e.t, "register app", r, http.StatusOK)
	m := r.JSON(e.t)
	return testApp{ID: m["client_id"].(string), Secret: m["client_secret"].(string)}
}

// pkcePair returns an RFC 7636 verifier and its S256 challenge.
func pkcePair() (verifier, challenge string) {
	verifier = corkboard.NewSecret()
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

// authorizeQuery is what a client puts on the authorize link.
func authorizeQuery(app testApp, redirect, challenge string) url.Values {
	q := url.Values{"response_type": {"code"}, "client_id": {app.ID}, "redirect_uri": {redirect},
		"scope": {"read write"}, "state": {"st4te"}}
	if challenge != "" {
		q.Set("code_challenge", challenge)
		q.Set("code_challenge_method", "S256")
	}
	return q
}

// consentForm is the authorize page's form as a browser would submit it.
type consentForm struct {
	fields url.Values
	cookie string // "corkboard_oauth_csrf=..." for the Cookie header
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// openAuthorize loads the authorize page and reads its form and CSRF cookie.
func (e *apiEnv) openAuthorize(q url.Values) (apiResponse, consentForm) {
	e.t.Helper()
	r := e.get("/oauth/authorize?"+q.Encode(), "")
	f := consentForm{fields: url.Values{}}
	for _, m := range hiddenInput.FindAllStringSubmatch(r.Body, -1) {
		f.fields.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "corkboard_oauth_csrf" {
			f.cookie = c.Name + "=" + c.Value
		}
	}
	return r, f
}

// submit posts the consent form with credentials and a decision.
func (e *apiEnv) submit(f consentForm, username, password, decision string) apiResponse {
	form := url.Values{"username": {username}, "password": {password}, "decision": {decision}}
	for k, v := range f.fields {
		form[k] = v
	}
	var cookies []string
	if f.cookie != "" {
		cookies = append(cookies, f.cookie)
	}
	return e.postForm("/oauth/authorize", form, cookies...)
}

// authorizeCode runs the browser part of the flow as the admin and returns
// the code from the redirect.
func (e *apiEnv) authorizeCode(app testApp, challenge string) string {
	e.t.Helper()
	page, form := e.openAuthorize(authorizeQuery(app, clientRedirect, challenge))
	wantAPIStatus(e.t, "authorize page", page, http.StatusOK)
	r := e.submit(form, "admin", apiPassword, "authorize")
	wantAPIStatus(e.t, "authorize", r, http.StatusFound)
	loc, err := url.Parse(r.Header.Get("Location"))
	if err != nil || loc.Query().Get("code") == "" {
		e.t.Fatalf("authorize redirected to %q, want a code", r.Header.Get("Location"))
	}
	return loc.Query().Get("code")
}

// exchange trades a code for tokens at /oauth/token.
func (e *apiEnv) exchange(app testApp, code, verifier string) apiResponse {
	return e.postForm("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"redirect_uri": {clientRedirect}, "client_id": {app.ID}, "client_secret": {app.Secret}, "code_verifier": {verifier}})
}

// userToken runs the whole code flow and returns the token response.
func (e *apiEnv) userToken(app testApp) map[string]any {
	e.t.Helper()
	verifier, challenge := pkcePair()
	r := e.exchange(app, e.authorizeCode(app, challenge), verifier)
	wantAPIStatus(e.t, "exchange", r, http.StatusOK)
	return r.JSON(e.t)
}

// regexpFind returns the first submatch of pattern in s.
func regexpFind(t *testing.T, pattern, s string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no match for %s in:\n%s", pattern, s)
	}
	return m[1]
}
