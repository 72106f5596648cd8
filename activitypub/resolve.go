package activitypub

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
)

// actorRefresh is how old our copy of a remote actor may get before it is
// fetched again, lazily, when next needed (names, avatars and inboxes
// change; keys rotate).
const actorRefresh = 24 * time.Hour

var _ corkboard.Resolver = (*Federation)(nil)

// ResolveAccount implements corkboard.Resolver: a remote person by handle
// or actor URL, fetched and stored if need be.
func (f *Federation) ResolveAccount(ctx context.Context, handle string) (*corkboard.Account, error) {
	ra, err := f.ResolveHandle(ctx, handle)
	if err != nil {
		return nil, err
	}
	if ra.Board != nil {
		return nil, corkboard.Errorf(corkboard.EINVALID, "%s is a board, not a person", handle)
	}
	return ra.Account, nil
}

// ResolveBoard implements corkboard.Resolver: a remote board by handle
// ("@bob.recipes@host") or Group URL.
func (f *Federation) ResolveBoard(ctx context.Context, handle string) (*corkboard.Board, error) {
	ra, err := f.ResolveHandle(ctx, handle)
	if err != nil {
		return nil, err
	}
	if ra.Board == nil {
		return nil, corkboard.Errorf(corkboard.EINVALID, "%s is a person, not a board", handle)
	}
	return ra.Board, nil
}

// ResolveHandle finds the person or board a handle ("@bob@host",
// "@bob.recipes@host") or actor URL names: ours by lookup, a remote one
// through WebFinger and its actor document.
func (f *Federation) ResolveHandle(ctx context.Context, handle string) (*ResolvedActor, error) {
	handle = strings.TrimSpace(handle)
	if strings.HasPrefix(handle, "https://") || strings.HasPrefix(handle, "http://") {
		return f.actorByIRI(ctx, handle)
	}
	user, host, ok := corkboard.SplitHandle(handle)
	if !ok {
		return nil, corkboard.Errorf(corkboard.EINVALID, "%q is not a handle like @name@example.social", handle)
	}
	if strings.EqualFold(host, f.host) {
		iri := f.personIRI(user)
		if owner, slug, isBoard := strings.Cut(user, "."); isBoard {
			b, err := f.Service.Board(ctx, nil, owner, slug)
			if err != nil {
				return nil, err
			}
			iri = f.boardIRI(b.ID)
		}
		return f.localActor(ctx, iri)
	}
	iri, err := f.webfingerActor(ctx, user, host)
	if err != nil {
		return nil, err
	}
	return f.actorByIRI(ctx, iri)
}

// actorByIRI returns an actor from our records, refetched when our copy
// is older than actorRefresh (a failed refetch keeps the old copy), or
// fetched the first time.
func (f *Federation) actorByIRI(ctx context.Context, iri string) (*ResolvedActor, error) {
	if f.isLocal(iri) {
		return f.localActor(ctx, iri)
	}
	ra, fetchedAt, err := f.storedActor(ctx, iri)
	switch {
	case corkboard.ErrorCode(err) == corkboard.ENOTFOUND:
		return f.fetchActorNotingSoftware(ctx, iri)
	case err != nil:
		return nil, err
	case f.Now().Sub(fetchedAt) < actorRefresh:
		return ra, nil
	}
	fresh, err := f.fetchActorNotingSoftware(ctx, iri)
	if err != nil {
		f.Log.Info("refreshing a remote actor failed; using our copy", "actor", iri, "error", err)
		return ra, nil
	}
	return fresh, nil
}

// storedActor finds an actor in our records only (no fetch).
func (f *Federation) storedActor(ctx context.Context, iri string) (*ResolvedActor, time.Time, error) {
	if a, err := f.Store.AccountByIRI(ctx, iri); err == nil {
		return &ResolvedActor{IRI: iri, Account: a}, a.FetchedAt, nil
	} else if corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		return nil, time.Time{}, err
	}
	b, err := f.Store.BoardByIRI(ctx, iri)
	if err != nil {
		return nil, time.Time{}, err
	}
	owner, err := f.Store.AccountByID(ctx, b.AccountID)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("owner of board %s: %w", iri, err)
	}
	b.Account = owner
	return &ResolvedActor{IRI: iri, Account: owner, Board: b}, b.FetchedAt, nil
}
