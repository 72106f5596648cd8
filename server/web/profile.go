package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// profilePage is the data of a person's public page.
type profilePage struct {
	*corkboard.ProfileView
	Profile *corkboard.Account
	Host    string // for the full handle, @alice@pins.example
	IsOwner bool
}

// profile is /@alice, or /@bob@host for a person on another server.
func (w *Web) profile(c echo.Context) error {
	if name := c.Param("username"); w.Service.IsRemoteName(name) {
		return w.remoteProfile(c, name)
	}
	me := currentAccount(c)
	v, err := w.Service.ProfilePage(c.Request().Context(), me, localName(c.Param("username")))
	if err != nil {
		return err
	}
	a := v.Account
	page := profilePage{ProfileView: v, Profile: a, Host: w.host(), IsOwner: me != nil && me.ID == a.ID}
	return w.render(c, http.StatusOK, "profile", a.Name()+" (@"+a.Username+")", page)
}

// host is the instance's host name, taken from BaseURL.
func (w *Web) host() string {
	u, err := url.Parse(w.BaseURL)
	if err != nil {
		return w.BaseURL
	}
	return u.Host
}

// localName is a local person's username from a page address: "alice",
// also when written as our own handle, "alice@our.host".
func localName(name string) string {
	user, _, _ := strings.Cut(name, "@")
	return user
}
