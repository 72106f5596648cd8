package corkboard

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"sync"
	"time"
)

// Store is everything the Service needs from persistence. The storage
// package implements it over SQLite or PostgreSQL.
type Store interface {
	AccountStore
	SettingsStore
	InviteStore
	SessionStore
	OAuthStore
	BoardStore
	PinStore
	SocialStore
	FollowRequestStore
	FeedStore
	Loader
	SearchStore
	FederationStore
	ConversationStore
	FederationQueryStore
	RemoteStore
	ReportStore
	SuspensionStore
	MediaStore
	// InTx runs fn in one database transaction: everything fn does through
	// the Store it is given commits together or not at all.
	InTx(ctx context.Context, fn func(tx Store) error) error
}

// Service holds Corkboard's use cases. Every adapter (web pages, JSON API,
// admin CLI, federation) goes through it, so rules live in one place.
type Service struct {
	store   Store
	hasher  PasswordHasher
	images  ImageIntake
	fetcher Fetcher
	fed     Federator
	remote  Resolver // nil without federation
	blocks  *blockCache
	now     func() time.Time
	opts    ServiceOptions

	dummyOnce sync.Once
	dummy     string
}

// ServiceOptions are the tunables of the Service; zero values get defaults.
type ServiceOptions struct {
	// SessionLifetime bounds how long a browser session lasts (default 30 days).
	SessionLifetime time.Duration
	// TokenLifetime bounds OAuth access tokens; 0 means they do not expire,
	// as on Mastodon, whose clients rarely refresh.
	TokenLifetime time.Duration
	// AuthCodeLifetime bounds OAuth authorization codes (default 10 minutes).
	AuthCodeLifetime time.Duration
	// BaseURL is the instance's public URL, for canonical IRIs.
	BaseURL string
	// Images and Fetcher handle pin images; nil disables pin creation.
	Images  ImageIntake
	Fetcher Fetcher
	// NewConversationsPerHour limits how many conversations one person,
	// local or remote, may start here in an hour (0: no limit).
	NewConversationsPerHour int
	// Federator federates changes; nil means NopFederator.
	Federator Federator
	// NormalizeHost puts a host name in the form domain blocks are
	// matched in (lowercase ASCII, punycode, no port or trailing dot);
	// nil accepts ASCII names only (see domainblock_service.go).
	NormalizeHost func(host string) (string, error)
}

// NewService builds a Service. now is the clock (time.Now in production).
func NewService(store Store, hasher PasswordHasher, now func() time.Time, opts ServiceOptions) *Service {
	if now == nil {
		now = time.Now
	}
	if opts.SessionLifetime == 0 {
		opts.SessionLifetime = 30 * 24 * time.Hour
	}
	if opts.AuthCodeLifetime == 0 {
		opts.AuthCodeLifetime = 10 * time.Minute
	}
	if opts.Federator == nil {
		opts.Federator = NopFederator{}
	}
	if opts.NormalizeHost == nil {
		opts.NormalizeHost = normalizeASCIIHost
	}
	return &Service{store: store, hasher: hasher, images: opts.Images, fetcher: opts.Fetcher, fed: opts.Federator,
		blocks: newBlockCache(), now: now, opts: opts}
}

// SetFederator installs the Federator once the composition root has built
// it (it needs the Service, so it cannot be passed to NewService).
func (s *Service) SetFederator(f Federator) { s.fed = f }

// Now returns the Service's clock reading, so adapters share one clock.
func (s *Service) Now() time.Time { return s.now() }

// NewSecret returns a random URL-safe secret of 32 bytes (256 bits).
func NewSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("corkboard: crypto/rand failed: " + err.Error()) // never happens on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret returns the hex SHA-256 of a secret. Secrets (session cookies,
// tokens, codes) are stored only as hashes, so a database leak reveals none;
// they are random and long, so a fast hash is enough.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// withContext wraps err with an operation name unless it is nil.
func withContext(op string, err error) error {
	if err == nil {
		return nil
	}
	return &opError{op: op, err: err}
}

type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }
func (e *opError) Unwrap() error { return e.err }

// contextKey is unexported so that no other package can collide with it.
type contextKey int

const accountContextKey contextKey = iota

// WithAccount returns a context carrying the signed-in account.
func WithAccount(ctx context.Context, a *Account) context.Context {
	return context.WithValue(ctx, accountContextKey, a)
}

// AccountFromContext returns the signed-in account, or nil.
func AccountFromContext(ctx context.Context) *Account {
	a, _ := ctx.Value(accountContextKey).(*Account)
	return a
}

// dummyHash is a hash of a random password, made once, for Authenticate.
func (s *Service) dummyHash() string {
	s.dummyOnce.Do(func() { s.dummy, _ = s.hasher.Hash(NewSecret()) })
	return s.dummy
}
