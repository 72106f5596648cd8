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

// search is GET /api/v1/search?q=&type=accounts|boards|pins: the first
// results of each kind, or of one. Pins are paged at /api/v1/search/pins.
func (a *API) search(c echo.Context) error {
	kind := c.QueryParam("type")
	if kind != "" && kind != "accounts" && kind != "boards" && kind != "pins" {
		return corkboard.Errorf(corkboard.EINVALID, "type must be accounts, boards or pins")
	}
	out := searchJSON{Accounts: []accountJSON{}, Boards: []boardJSON{}, Pins: []pinJSON{}}
	var err error
	if kind == "" || kind == "accounts" {
		out.Accounts, err = a.searchAccounts(c)
	}
	if err == nil && (kind == "" || kind == "boards") {
		out.Boards, err = a.searchBoards(c)
	}
	if err == nil && (kind == "" || kind == "pins") {
		out.Pins, err = a.searchFirstPins(c)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

func (a *API) searchAccounts(c echo.Context) ([]accountJSON, error) {
	people, err := a.Service.SearchPeople(c.Request().Context(), c.QueryParam("q"), readLimit(c))
	out := make([]accountJSON, len(people))
	for i, p := range people {
		out[i] = a.newAccountJSON(p)
	}
	return out, err
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
