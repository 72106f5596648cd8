package api

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// searchJSON is what GET /api/v1/search answers: Mastodon's v2 search
// shape, with boards and pins in place of hashtags and statuses.
type searchJSON struct {
	Accounts []accountJSON `json:"accounts"`
	Boards   []boardJSON   `json:"boards"`
	Pins     []pinJSON     `json:"pins"`
}

// search is GET /api/v1/search?q=&type=accounts|boards|pins&resolve=: the
// first results of each kind, or of one. A handle or actor URL finds that
// one person or board ("@bob.recipes@host" is a board), fetched from its
// server with resolve=true and a token. Pins are paged at
// /api/v1/search/pins.
func (a *API) search(c echo.Context) error {
	kind := c.QueryParam("type")
	if kind != "" && kind != "accounts" && kind != "boards" && kind != "pins" {
		return corkboard.Errorf(corkboard.EINVALID, "type must be accounts, boards or pins")
	}
	out := searchJSON{Accounts: []accountJSON{}, Boards: []boardJSON{}, Pins: []pinJSON{}}
	var err error
	if q := c.QueryParam("q"); corkboard.IsRemoteQuery(q) {
		out.Accounts, out.Boards, err = a.searchHitJSON(c, q, kind)
	} else {
		if kind == "" || kind == "accounts" {
			out.Accounts, err = a.findAccounts(c)
		}
		if err == nil && (kind == "" || kind == "boards") {
			out.Boards, err = a.searchBoards(c)
		}
	}
	if err == nil && (kind == "" || kind == "pins") {
		out.Pins, err = a.searchFirstPins(c)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// searchHitJSON is the person or board a handle query names, in the
// list of its kind when that kind was asked for.
func (a *API) searchHitJSON(c echo.Context, q, kind string) ([]accountJSON, []boardJSON, error) {
	accounts, boards := []accountJSON{}, []boardJSON{}
	acct, b := a.searchHit(c, q)
	if acct != nil && (kind == "" || kind == "accounts") {
		accounts = append(accounts, a.newAccountJSON(acct))
	}
	if b != nil && (kind == "" || kind == "boards") {
		if err := a.Service.LoadBoardCovers(c.Request().Context(), b); err != nil {
			return nil, nil, err
		}
		boards = append(boards, a.newBoardJSON(b))
	}
	return accounts, boards, nil
}

func (a *API) searchBoards(c echo.Context) ([]boardJSON, error) {
	boards, err := a.Service.SearchBoards(c.Request().Context(), viewer(c), c.QueryParam("q"), readLimit(c))
	return a.newBoardsJSON(boards), err
}

func (a *API) searchFirstPins(c echo.Context) ([]pinJSON, error) {
	page, err := a.Service.SearchPins(c.Request().Context(), viewer(c), c.QueryParam("q"), 0, readLimit(c))
	if err != nil {
		return nil, err
	}
	return a.newPinsJSON(page.Pins), nil
}
