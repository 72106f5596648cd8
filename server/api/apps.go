package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// appJSON is Mastodon's Application entity as GET verify_credentials shows it.
type appJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Website      *string  `json:"website"`
	Scopes       []string `json:"scopes"`
	RedirectURI  string   `json:"redirect_uri"` // newline-separated, Mastodon's older field
	RedirectURIs []string `json:"redirect_uris"`
	VapidKey     string   `json:"vapid_key"`
}

// credentialAppJSON adds the client credentials, answered once at creation.
type credentialAppJSON struct {
	appJSON
	ClientID              string `json:"client_id"`
	ClientSecret          string `json:"client_secret"`
	ClientSecretExpiresAt int64  `json:"client_secret_expires_at"` // 0: never
}

func newAppJSON(app *corkboard.App) appJSON {
	j := appJSON{ID: strconv.FormatInt(app.ID, 10), Name: app.Name, Scopes: strings.Fields(app.Scopes),
		RedirectURI: strings.Join(app.RedirectURIs, "\n"), RedirectURIs: app.RedirectURIs}
	if app.Website != "" {
		j.Website = &app.Website
	}
	return j
}

// createApp is POST /api/v1/apps.
func (a *API) createApp(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	app, secret, err := a.Service.RegisterApp(c.Request().Context(),
		p.Get("client_name"), list(p, "redirect_uris"), p.Get("scopes"), p.Get("website"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, credentialAppJSON{appJSON: newAppJSON(app), ClientID: app.ClientID, ClientSecret: secret})
}

// verifyApp is GET /api/v1/apps/verify_credentials.
func (a *API) verifyApp(c echo.Context) error {
	return c.JSON(http.StatusOK, newAppJSON(tokenInfo(c).App))
}
