package corkboard

import (
	"context"
	"strings"
)

// Resolver finds remote people and boards by handle ("@bob@host",
// "@bob.recipes@host" for a board) or by actor URL, fetching and storing
// them the first time. The activitypub package implements it; a Service
// without one cannot reach other servers.
type Resolver interface {
	ResolveAccount(ctx context.Context, handle string) (*Account, error)
	ResolveBoard(ctx context.Context, handle string) (*Board, error)
}

// SetResolver installs the Resolver once the composition root has built
// it (it needs the Service, like the Federator).
func (s *Service) SetResolver(r Resolver) { s.remote = r }

// IsBoardHandle reports whether a handle names a board: its user part has
// a dot ("@alice.recipes@host"), which usernames never have.
func IsBoardHandle(handle string) bool {
	user, _, ok := SplitHandle(handle)
	return ok && strings.Contains(user, ".")
}

// SplitHandle splits "@user@host" (or "user@host", or "acct:user@host")
// into its parts; ok is false for anything else (a URL, a local name).
func SplitHandle(handle string) (user, host string, ok bool) {
	h := strings.TrimPrefix(strings.TrimSpace(handle), "acct:")
	h = strings.TrimPrefix(h, "@")
	user, host, ok = strings.Cut(h, "@")
	if !ok || user == "" || host == "" || strings.ContainsAny(host, "@/ ") || strings.ContainsAny(user, "/ ") {
		return "", "", false
	}
	return user, host, true
}
