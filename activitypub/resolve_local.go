package activitypub

import (
	"context"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
)

// localRef is one of our own IRIs, parsed (see iris.go for the scheme).
type localRef struct {
	Kind     string // "person", "board", "pin", "comment", "follow", "instance"
	Username string // person
	ID       int64  // board, pin, comment, follow
}

// parseLocal parses an IRI on our host. Anything else on our host that is
// not one of these is not an object of ours (ok false).
func (f *Federation) parseLocal(iri string) (localRef, bool) {
	if iri == f.instanceActorIRI() {
		return localRef{Kind: "instance"}, true
	}
	if !f.isLocal(iri) {
		return localRef{}, false
	}
	parts := strings.Split(strings.TrimPrefix(iri, f.BaseURL+"/"), "/")
	if len(parts) != 2 || parts[1] == "" {
		return localRef{}, false
	}
	if parts[0] == "users" {
		return localRef{Kind: "person", Username: parts[1]}, true
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || id <= 0 {
		return localRef{}, false
	}
	kinds := map[string]string{"boards": "board", "pins": "pin", "comments": "comment", "follows": "follow"}
	kind, ok := kinds[parts[0]]
	return localRef{Kind: kind, ID: id}, ok
}

// localActor looks up one of our people or public boards by IRI; we never
// take our own actors from a payload, nor fetch them.
func (f *Federation) localActor(ctx context.Context, iri string) (*ResolvedActor, error) {
	ref, ok := f.parseLocal(iri)
	switch {
	case ok && ref.Kind == "person":
		a, err := f.Store.AccountByUsername(ctx, ref.Username)
		if err != nil {
			return nil, err
		}
		return &ResolvedActor{IRI: iri, Account: a}, nil
	case ok && ref.Kind == "board":
		b, err := f.Store.BoardByID(ctx, ref.ID)
		if err != nil || b.Secret || b.IRI != "" {
			return nil, corkboard.Errorf(corkboard.ENOTFOUND, "board not found")
		}
		owner, err := f.Store.AccountByID(ctx, b.AccountID)
		if err != nil {
			return nil, err
		}
		b.Account = owner
		return &ResolvedActor{IRI: iri, Account: owner, Board: b}, nil
	}
	return nil, corkboard.Errorf(corkboard.ENOTFOUND, "%s is not one of our actors", iri)
}

// localPinID returns the id of our pin named by iri, or 0.
func (f *Federation) localPinID(iri string) int64 {
	if ref, ok := f.parseLocal(iri); ok && ref.Kind == "pin" {
		return ref.ID
	}
	return 0
}
