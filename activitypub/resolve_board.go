package activitypub

import (
	"context"
	"fmt"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// storeGroup stores a Group actor as a remote board. A board belongs to a
// person: the Group's attributedTo must name one, on the Group's own
// server, that we can resolve (a Corkboard board names its owner; a Lemmy
// community names a moderators collection and is not a board).
func (f *Federation) storeGroup(ctx context.Context, g *vocab.Actor) (*ResolvedActor, error) {
	owner, err := f.groupOwner(ctx, g)
	if err != nil {
		return nil, err
	}
	now := f.Now()
	b := &corkboard.Board{
		AccountID: owner.ID, Slug: groupSlug(g.PreferredUsername, owner.Username), IRI: g.ID,
		Title:       bound(firstNonEmpty(plainText(g.Name), g.PreferredUsername), 100),
		Description: bound(htmlText(g.Summary), 2000), InboxURL: webURL(string(g.Inbox)),
		SharedInboxURL: webURL(string(g.Endpoints.SharedInbox)), FollowersURL: webURL(string(g.Followers)),
		PageURL: webURL(string(g.URL)), ManuallyApproves: g.ManuallyApprovesFollowers,
		FetchedAt: now, CreatedAt: now, UpdatedAt: now,
	}
	if err := f.Store.UpsertRemoteBoard(ctx, b); err != nil {
		return nil, fmt.Errorf("store group %s: %w", g.ID, err)
	}
	if err := f.saveKeys(ctx, g); err != nil { // a board signs its Announces
		return nil, err
	}
	b.Account = owner
	return &ResolvedActor{IRI: g.ID, Account: owner, Board: b}, nil
}

// groupOwner resolves the first person in the Group's attributedTo that
// lives on the Group's server.
func (f *Federation) groupOwner(ctx context.Context, g *vocab.Actor) (*corkboard.Account, error) {
	for _, id := range g.AttributedTo.IDs() {
		if !sameHost(id, g.ID) || id == g.ID {
			continue
		}
		ra, err := f.actorByIRI(ctx, id)
		if err != nil {
			f.Log.Debug("group owner not resolved", "group", g.ID, "owner", id, "error", err)
			continue
		}
		if ra.Board == nil {
			return ra.Account, nil
		}
	}
	return nil, permanent(corkboard.Errorf(corkboard.EUNSUPPORTED, "group %s is not a board: it names no owner", g.ID))
}

// groupSlug derives a board's short name from its Group's
// preferredUsername: "alice.recipes" owned by alice is "recipes".
func groupSlug(preferred, owner string) string {
	return corkboard.Slugify(strings.TrimPrefix(preferred, owner+"."))
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
