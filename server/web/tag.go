package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// tagPage is the data of a #tag's page.
type tagPage struct {
	Tag  string
	Grid pinGrid
}

// tag lists the pins with a #tag that the viewer may see.
func (w *Web) tag(c echo.Context) error {
	tag := corkboard.NormalizeTag(c.Param("tag"))
	page, err := w.Service.TagPins(c.Request().Context(), currentAccount(c), tag, cursor(c), pageSize)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "tag", "#"+tag, tagPage{Tag: tag, Grid: newGrid(c, page, boards)})
}
