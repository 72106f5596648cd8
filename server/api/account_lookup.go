package api

import (
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// searchAccounts is GET /api/v1/accounts/search?q=&resolve=&limit=: the
// accounts part of GET /api/v2/search, as a plain array.
func (a *API) searchAccounts(c echo.Context) error {
	out, err := a.findAccounts(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// lookupAccount is GET /api/v1/accounts/lookup?acct=: "alice" here, or
// "bob@host" that we already know. Like Mastodon's, it never asks another
// server; clients resolve through search for that.
func (a *API) lookupAccount(c echo.Context) error {
	acct := strings.TrimPrefix(strings.TrimSpace(c.QueryParam("acct")), "@")
	ctx := c.Request().Context()
	var found *corkboard.Account
	var err error
	if strings.Contains(acct, "@") {
		found, err = a.Service.RemoteAccount(ctx, nil, acct)
	} else {
		found, err = a.Service.PublicProfile(ctx, acct)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newAccountJSON(found))
}
