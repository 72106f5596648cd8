package web

import (
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// How many boards and people the "All" tab shows before "See all".
const (
	searchPreview = 8
	searchAll     = 50
)

// searchPage is the data of the search page. Tab is "" (all), "pins",
// "boards" or "people"; Boards and People are only searched on the tabs
// that show them, and only on the first page of pins.
type searchPage struct {
	Query, Tab string
	Remote     *remoteResult // the person or board a handle query names
	Grid       pinGrid
	Boards     []*corkboard.Board
	People     []*corkboard.Account
	MoreBoards bool
	MorePeople bool
}

func (w *Web) search(c echo.Context) error {
	p := searchPage{Query: strings.TrimSpace(c.QueryParam("q")), Tab: searchTab(c.QueryParam("type"))}
	if p.Query == "" {
		return w.render(c, http.StatusOK, "search", "Search", p)
	}
	// Boards and people are on the first page only; later pages (and the
	// infinite scroll that fetches them) carry more pins.
	if cursor(c) == 0 {
		var err error
		if p.Remote, err = w.searchRemote(c, p.Query); err != nil {
			return err
		}
		if err = w.searchBoardsAndPeople(c, &p); err != nil {
			return err
		}
	}
	if p.Tab == "" || p.Tab == "pins" {
		var err error
		if p.Grid, err = w.searchPins(c, p.Query); err != nil {
			return err
		}
	}
	return w.render(c, http.StatusOK, "search", p.Query+" – Search", p)
}

// searchBoardsAndPeople fills the Boards and People sections the tab shows:
// a preview on "All", a longer list on their own tab.
func (w *Web) searchBoardsAndPeople(c echo.Context, p *searchPage) error {
	ctx := c.Request().Context()
	limit := searchPreview
	if p.Tab != "" {
		limit = searchAll
	}
	var err error
	if p.Tab == "" || p.Tab == "boards" {
		if p.Boards, err = w.Service.SearchBoards(ctx, currentAccount(c), p.Query, limit+1); err != nil {
			return err
		}
		p.Boards, p.MoreBoards = cut(p.Boards, limit)
	}
	if p.Tab == "" || p.Tab == "people" {
		if p.People, err = w.Service.SearchPeople(ctx, p.Query, limit+1); err != nil {
			return err
		}
		p.People, p.MorePeople = cut(p.People, limit)
	}
	return nil
}

func (w *Web) searchPins(c echo.Context, q string) (pinGrid, error) {
	page, err := w.Service.SearchPins(c.Request().Context(), currentAccount(c), q, cursor(c), pageSize)
	if err != nil {
		return pinGrid{}, err
	}
	boards, err := w.myBoards(c)
	return newGrid(c, page, boards), err
}

func searchTab(t string) string {
	switch t {
	case "pins", "boards", "people":
		return t
	}
	return ""
}

// cut keeps the first n items and says whether there were more.
func cut[T any](items []T, n int) ([]T, bool) {
	if len(items) > n {
		return items[:n], true
	}
	return items, false
}
