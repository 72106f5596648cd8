package corkboard

import "context"

// RemoteStore is what the use cases of inbound federation need beyond
// FederationStore.
type RemoteStore interface {
	// InboxActivityByIRI finds a received activity by its id: an Undo
	// names the activity it undoes, and our copy is what we trust.
	InboxActivityByIRI(ctx context.Context, iri string) (*InboxActivity, error)
	// RemoteAccountIDs lists the accounts on a domain or its subdomains
	// (domain is normalized: lowercase, no port).
	RemoteAccountIDs(ctx context.Context, domain string) ([]int64, error)
	// PurgeAccount deletes a remote account's boards and pins, likes,
	// comments and shares (adjusting counts) and follows, and returns the
	// images of the deleted pins for the caller to release.
	PurgeAccount(ctx context.Context, accountID int64) ([]Image, error)
}
