package corkboard

import (
	"context"
	"time"
)

// ActorKey is an actor's signing key: ours with its private half, or a
// remote actor's public key as we last fetched it.
type ActorKey struct {
	KeyID         string
	OwnerIRI      string
	PublicKeyPEM  string
	PrivateKeyPEM string // local actors only
	FetchedAt     time.Time
	CreatedAt     time.Time
}

// InboxActivity is an activity as received, stored before it is processed
// so that a crash between receipt and processing loses nothing.
type InboxActivity struct {
	ID           int64
	IRI          string
	Type         string
	ActorIRI     string
	SignerKeyID  string
	RecipientIDs []int64 // local accounts whose own inbox received it; nil for the shared inbox
	Raw          []byte
	ReceivedAt   time.Time
	ProcessedAt  time.Time
	LastError    string
}

// BlockSeverity is how hard a domain block bites.
type BlockSeverity string

const (
	// SeveritySuspend refuses the server's requests before any fetch,
	// drops its follows and hides its content.
	SeveritySuspend BlockSeverity = "suspend"
	// SeveritySilence keeps its content out of public listings.
	SeveritySilence BlockSeverity = "silence"
)

// DomainBlock is an admin's decision about another server (and its
// subdomains).
type DomainBlock struct {
	Domain    string
	Severity  BlockSeverity
	Reason    string
	CreatedAt time.Time
}

// HostHealth is what delivery knows about a remote host.
type HostHealth struct {
	Host             string
	Failures         int
	FirstFailureAt   time.Time
	UnavailableSince time.Time // zero while the host is considered available
	LastSuccessAt    time.Time
}

// Job is background work (a delivery, an inbox activity to process). A job
// enqueued through a transaction's Store runs only if that transaction
// commits, and survives a crash once it has.
type Job interface{ Kind() string }

// Share is a remote actor's Announce of one of our pins (a remote save).
type Share struct {
	ID        int64
	AccountID int64
	PinID     int64
	IRI       string
	CreatedAt time.Time
}

// FederationStore persists what federation needs.
type FederationStore interface {
	AccountByIRI(ctx context.Context, iri string) (*Account, error)
	// RemoteAccountByAcct finds a remote account we already know by its
	// username (any case) and domain, without asking its server.
	RemoteAccountByAcct(ctx context.Context, username, domain string) (*Account, error)
	// UpsertRemoteAccount inserts or refreshes a remote account by IRI and
	// sets its ID.
	UpsertRemoteAccount(ctx context.Context, a *Account) error
	BoardByIRI(ctx context.Context, iri string) (*Board, error)
	UpsertRemoteBoard(ctx context.Context, b *Board) error
	PinByIRI(ctx context.Context, iri string) (*Pin, error)
	CommentByIRI(ctx context.Context, iri string) (*Comment, error)
	FollowByIRI(ctx context.Context, iri string) (*Follow, error)
	SetFollowIRI(ctx context.Context, id int64, iri string) error
	SetFollowPending(ctx context.Context, id int64, pending bool) error
	// RemoteFollowerInboxes lists where to deliver to the remote followers
	// of a person or board: one shared inbox per server where it has one.
	RemoteFollowerInboxes(ctx context.Context, accountID, boardID int64) ([]string, error)
	// FollowsOf lists the follows whose follower or target is accountID.
	FollowsOf(ctx context.Context, accountID int64) ([]*Follow, error)

	SaveKey(ctx context.Context, k *ActorKey) error
	KeyByID(ctx context.Context, keyID string) (*ActorKey, error)
	KeyByOwner(ctx context.Context, ownerIRI string) (*ActorKey, error)
	// PruneRemoteKeys deletes a remote actor's keys other than keep (the
	// ones its document still publishes) and returns the deleted ids.
	PruneRemoteKeys(ctx context.Context, ownerIRI string, keep []string) ([]string, error)
	// UpdateCommentText replaces a remote comment's text (an edit).
	UpdateCommentText(ctx context.Context, id int64, text string) error

	// SaveInboxActivity stores a received activity; created is false when
	// one with the same IRI was already stored (a redelivery).
	SaveInboxActivity(ctx context.Context, a *InboxActivity) (created bool, err error)
	InboxActivityByID(ctx context.Context, id int64) (*InboxActivity, error)
	MarkInboxActivity(ctx context.Context, id int64, processedAt time.Time, lastError string) error

	RecordRecipients(ctx context.Context, objectIRI string, inboxes []string) error
	ObjectRecipients(ctx context.Context, objectIRI string) ([]string, error)
	HostHealth(ctx context.Context, host string) (*HostHealth, error)
	SaveHostHealth(ctx context.Context, h *HostHealth) error
	ListHostHealth(ctx context.Context, unavailableOnly bool) ([]*HostHealth, error)
	HostSoftwareStore

	DomainBlocks(ctx context.Context) ([]*DomainBlock, error)
	SaveDomainBlock(ctx context.Context, b *DomainBlock) error
	DeleteDomainBlock(ctx context.Context, domain string) error

	AddTombstone(ctx context.Context, iri string, at time.Time) error
	IsTombstoned(ctx context.Context, iri string) (bool, error)

	AddShare(ctx context.Context, s *Share) (created bool, err error)
	ShareByIRI(ctx context.Context, iri string) (*Share, error)
	DeleteShare(ctx context.Context, id int64) error

	// Enqueue adds background jobs; through a transaction's Store they
	// commit with it.
	Enqueue(ctx context.Context, jobs ...Job) error
}
