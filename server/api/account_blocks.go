package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// blockAccount is POST /api/v1/accounts/:id/block: it ends the follows
// between the two, refuses the person's messages and follows from now
// on, and tells their server. It answers the relationship, as Mastodon.
func (a *API) blockAccount(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	if err := a.Service.BlockAccount(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}

// unblockAccount is POST /api/v1/accounts/:id/unblock.
func (a *API) unblockAccount(c echo.Context) error {
	id, err := pathID(c, "id", "account")
	if err != nil {
		return err
	}
	if err := a.Service.UnblockAccount(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return a.respondRelationship(c, id)
}

// blocks is GET /api/v1/blocks: the people the token's owner blocks, most
// recent first (one page of up to limit; no further pages).
func (a *API) blocks(c echo.Context) error {
	page, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	as, err := a.Service.BlockedPeople(c.Request().Context(), viewer(c), page.Limit)
	if err != nil {
		return err
	}
	out := make([]accountJSON, len(as))
	for i, acct := range as {
		out[i] = a.newAccountJSON(acct)
	}
	return c.JSON(http.StatusOK, out)
}
