package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// comments is GET /api/v1/pins/:id/comments: oldest first, paged forward
// with min_id (comments newer than that id), as a conversation reads.
func (a *API) comments(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	pr, err := readPage(c, "min_id")
	if err != nil {
		return err
	}
	cs, err := a.Service.Comments(c.Request().Context(), viewer(c), id, pr.Cursor, pr.Limit)
	if err != nil {
		return err
	}
	// A full page may be followed by more; the last page may come back
	// empty, which costs a client one request and the server nothing.
	if len(cs) == pr.Limit {
		a.setNextLink(c, "min_id", cs[len(cs)-1].ID)
	}
	return c.JSON(http.StatusOK, a.newCommentsJSON(cs))
}

// createComment is POST /api/v1/pins/:id/comments with text.
func (a *API) createComment(c echo.Context) error {
	id, err := pathID(c, "id", "pin")
	if err != nil {
		return err
	}
	p, err := params(c)
	if err != nil {
		return err
	}
	cm, err := a.Service.Comment(c.Request().Context(), viewer(c), id, p.Get("text"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newCommentJSON(cm))
}

// deleteComment is DELETE /api/v1/comments/:id: its author or the pin's
// owner may.
func (a *API) deleteComment(c echo.Context) error {
	id, err := pathID(c, "id", "comment")
	if err != nil {
		return err
	}
	if err := a.Service.DeleteComment(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}
