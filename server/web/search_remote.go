package web

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// remoteResult is the one person or board that a handle or actor URL in
// the search box names, shown above the other results with its Follow
// button; or why it could not be found.
type remoteResult struct {
	Account *corkboard.Account // a person, or
	Board   *corkboard.Board   // a board (with its owner)
	Follow  corkboard.FollowState
	Mine    bool   // the viewer themselves, or their own board: no Follow
	Problem string // unknown, unreachable, blocked: a sentence to show
}

// remoteCardData is what the remote-card template draws.
type remoteCardData struct {
	Result         *remoteResult
	CSRF, ReturnTo string
}

func remoteCard(r *remoteResult, csrf, returnTo string) remoteCardData {
	return remoteCardData{Result: r, CSRF: csrf, ReturnTo: returnTo}
}

// searchRemote looks up a handle query ("@bob@host", "@bob.recipes@host",
// an actor URL); nil for any other query. Failing to find it is part of
// the page, not an error page: the rest of the search still shows.
func (w *Web) searchRemote(c echo.Context, q string) (*remoteResult, error) {
	if !corkboard.IsRemoteQuery(q) {
		return nil, nil
	}
	ctx, me := c.Request().Context(), currentAccount(c)
	a, b, err := w.Service.LookupRemote(ctx, me, q)
	if err != nil {
		w.Log.Info("search: lookup failed", "query", q, "err", err)
		return &remoteResult{Problem: sentence(corkboard.ErrorMessage(err))}, nil
	}
	r := &remoteResult{Account: a, Board: b}
	if b != nil {
		r.Mine = me != nil && b.AccountID == me.ID
		r.Follow, err = w.Service.FollowStateOf(ctx, me, 0, b.ID)
	} else {
		r.Mine = me != nil && a.ID == me.ID
		r.Follow, err = w.Service.FollowStateOf(ctx, me, a.ID, 0)
	}
	return r, err
}
