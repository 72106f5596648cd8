package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Follow requests: a person who approves followers by hand sees who asks
// to follow them and accepts or refuses each. Only the person asked can
// answer: anyone else's post finds no request (404).

// followRequestsPage is the data of /follow-requests.
type followRequestsPage struct {
	Requests []corkboard.FollowRequest
	Locked   bool
	Next     string
}

func (w *Web) followRequests(c echo.Context) error {
	me := currentAccount(c)
	reqs, err := w.Service.FollowRequests(c.Request().Context(), me, cursor(c), pageSize)
	if err != nil {
		return err
	}
	page := followRequestsPage{Requests: reqs, Locked: me.ManuallyApproves}
	if len(reqs) == pageSize {
		page.Next = nextURL(c, reqs[len(reqs)-1].ID)
	}
	return w.render(c, http.StatusOK, "follow_requests", "Follow requests", page)
}

// authorizeFollowRequest accepts /follow-requests/:id (the asking
// account's id).
func (w *Web) authorizeFollowRequest(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = w.Service.AuthorizeFollowRequest(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/follow-requests", "Follow request accepted.")
}

// rejectFollowRequest refuses /follow-requests/:id.
func (w *Web) rejectFollowRequest(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = w.Service.RejectFollowRequest(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/follow-requests", "Follow request declined.")
}

// countFollowRequests is the nav's count of follows waiting for the
// signed-in person. Only a locked account's follows wait, so nobody else
// pays a query for it; a failure shows no count rather than no page.
func (w *Web) countFollowRequests(c echo.Context) int64 {
	me := currentAccount(c)
	if me == nil || !me.ManuallyApproves || w.Service == nil { // no Service: the package's render tests
		return 0
	}
	n, err := w.Service.CountFollowRequests(c.Request().Context(), me)
	if err != nil {
		w.Log.Warn("count follow requests", "err", err)
		return 0
	}
	return n
}
