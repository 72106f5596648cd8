package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Followers and following list actor IRIs, local and remote, of accepted
// follows only (a pending follow is not yet a follower).

// personFollowers serves /users/{username}/followers.
func (f *Federation) personFollowers(c echo.Context) error {
	ctx := c.Request().Context()
	a, err := f.Service.PublicProfile(ctx, c.Param("username"))
	if err != nil {
		return err
	}
	return f.serveFollowers(c, f.personIRI(a.Username)+"/followers", corkboard.FollowQuery{TargetAccountID: a.ID})
}

// groupFollowers serves /boards/{id}/followers.
func (f *Federation) groupFollowers(c echo.Context) error {
	b, err := f.publicBoard(c.Request().Context(), c)
	if err != nil {
		return err
	}
	return f.serveFollowers(c, f.boardIRI(b.ID)+"/followers", corkboard.FollowQuery{TargetBoardID: b.ID})
}

// groupFollowing serves /boards/{id}/following: a board follows no one,
// but actors must have the collection.
func (f *Federation) groupFollowing(c echo.Context) error {
	b, err := f.publicBoard(c.Request().Context(), c)
	if err != nil {
		return err
	}
	return serveEmptyCollection(c, f.boardIRI(b.ID)+"/following")
}

func (f *Federation) serveFollowers(c echo.Context, id string, base corkboard.FollowQuery) error {
	total, err := f.Store.CountFollowers(c.Request().Context(), base.TargetAccountID, base.TargetBoardID)
	if err != nil {
		return err
	}
	return f.serveCollection(c, id, total, func(ctx context.Context, q pageQuery, limit int) (*pageItems, error) {
		base.BeforeID, base.AfterID, base.Limit = q.before, q.after, limit
		follows, err := f.Store.ListFollows(ctx, base)
		if err != nil {
			return nil, err
		}
		return f.followItems(ctx, follows, func(fo *corkboard.Follow) (int64, int64) { return fo.FollowerID, 0 })
	})
}

// personFollowing serves /users/{username}/following: people and boards,
// a board as its Group's IRI.
func (f *Federation) personFollowing(c echo.Context) error {
	ctx := c.Request().Context()
	a, err := f.Service.PublicProfile(ctx, c.Param("username"))
	if err != nil {
		return err
	}
	total, err := f.Store.CountFollowing(ctx, a.ID)
	if err != nil {
		return err
	}
	return f.serveCollection(c, f.personIRI(a.Username)+"/following", total,
		func(ctx context.Context, q pageQuery, limit int) (*pageItems, error) {
			follows, err := f.Store.ListFollows(ctx, corkboard.FollowQuery{FollowerID: a.ID, BeforeID: q.before, AfterID: q.after, Limit: limit})
			if err != nil {
				return nil, err
			}
			return f.followItems(ctx, follows, func(fo *corkboard.Follow) (int64, int64) { return fo.TargetAccountID, fo.TargetBoardID })
		})
}

// followItems turns follows into the IRIs of the actors that side picks
// (account or board), loaded in two queries. A secret board is left out.
func (f *Federation) followItems(ctx context.Context, follows []*corkboard.Follow,
	side func(*corkboard.Follow) (accountID, boardID int64)) (*pageItems, error) {
	var accountIDs, boardIDs []int64
	for _, fo := range follows {
		a, b := side(fo)
		if b != 0 {
			boardIDs = append(boardIDs, b)
		} else {
			accountIDs = append(accountIDs, a)
		}
	}
	accounts, err := f.Store.AccountsByIDs(ctx, accountIDs)
	if err != nil {
		return nil, err
	}
	boards, err := f.Store.BoardsByIDs(ctx, boardIDs)
	if err != nil {
		return nil, err
	}
	items := &pageItems{}
	for _, fo := range follows {
		iri := ""
		if a, b := side(fo); b != 0 {
			if bd := boards[b]; bd != nil && !bd.Secret {
				iri = f.boardActorIRI(bd)
			}
		} else if ac := accounts[a]; ac != nil {
			iri = f.accountIRI(ac)
		}
		if iri != "" {
			items.cursors, items.iris = append(items.cursors, fo.ID), append(items.iris, iri)
		}
	}
	return items, nil
}

// boardActorIRI is a board's Group IRI, local or remote.
func (f *Federation) boardActorIRI(b *corkboard.Board) string {
	if b.IRI != "" {
		return b.IRI
	}
	return f.boardIRI(b.ID)
}
