package corkboard

import (
	"context"
	"regexp"
	"time"
)

// Account is a person: local (Domain == "") or, later, remote.
type Account struct {
	ID          int64
	Username    string
	Domain      string // empty for local accounts
	DisplayName string
	Bio         string
	Email       string
	AvatarKey   string // the 400 px square avatar; empty for the default
	IsAdmin     bool
	Approved    bool // false while a sign-up waits for an admin (approval mode)
	Disabled    bool
	SignupNote  string // the reason a person gave when asking to join
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Where a remote account lives; empty for local accounts, whose
	// addresses derive from the base URL.
	IRI              string
	InboxURL         string
	SharedInboxURL   string
	OutboxURL        string
	FollowersURL     string
	FollowingURL     string
	FeaturedURL      string
	ProfileURL       string // the HTML page
	AvatarURL        string // the remote icon our stored avatar was fetched from
	AvatarSmallKey   string // the avatar's 96 px rendition (AvatarKey's)
	ActorType        string // Person, Service, Application, Group...
	ManuallyApproves bool   // follows need the account's approval
	FetchedAt        time.Time
}

// IsLocal reports whether the account lives on this instance.
func (a *Account) IsLocal() bool { return a.Domain == "" }

// Acct is the account's handle as Mastodon clients expect it: "alice" for
// local accounts, "bob@example.social" for remote ones.
func (a *Account) Acct() string {
	if a.IsLocal() {
		return a.Username
	}
	return a.Username + "@" + a.Domain
}

// Name returns the display name, falling back to the username.
func (a *Account) Name() string {
	if a.DisplayName != "" {
		return a.DisplayName
	}
	return a.Username
}

// usernamePattern: lowercase letters, digits and underscore. No dots, because
// a board is addressed as "alice.recipes".
var usernamePattern = regexp.MustCompile(`^[a-z0-9_]{1,30}$`)

// reservedUsernames would collide with routes or confuse people.
var reservedUsernames = map[string]bool{
	"admin": false, // allowed: the first admin often wants it
	"api":   true, "oauth": true, "static": true, "media": true, "settings": true,
	"login": true, "logout": true, "signup": true, "setup": true, "users": true,
	"instance": true, "actor": true, "inbox": true, "outbox": true, "well_known": true,
	"healthz": true, "readyz": true, "search": true, "tags": true, "about": true,
}

// ValidateUsername checks the username rules and returns an EINVALID error
// that names the rule broken.
func ValidateUsername(username string) error {
	if username == "" {
		return Errorf(EINVALID, "username is required")
	}
	if !usernamePattern.MatchString(username) {
		return Errorf(EINVALID, "username must be 1 to 30 lowercase letters, digits or underscores")
	}
	if reservedUsernames[username] {
		return Errorf(EINVALID, "username %q is reserved", username)
	}
	return nil
}

// ValidatePassword enforces the length bounds (bcrypt reads at most 72 bytes).
func ValidatePassword(password string) error {
	if len(password) < 8 {
		return Errorf(EINVALID, "password must be at least 8 characters")
	}
	if len(password) > 72 {
		return Errorf(EINVALID, "password must be at most 72 bytes")
	}
	return nil
}

// NewAccount is what it takes to create a local account.
type NewAccount struct {
	Username    string
	Password    string
	Email       string
	DisplayName string
	IsAdmin     bool
	Approved    bool
	SignupNote  string
}

// AccountStore persists accounts.
type AccountStore interface {
	CreateAccount(ctx context.Context, a *Account, passwordHash string) error
	AccountByID(ctx context.Context, id int64) (*Account, error)
	// AccountByUsername finds a local account (case-insensitive on input).
	AccountByUsername(ctx context.Context, username string) (*Account, error)
	PasswordHash(ctx context.Context, accountID int64) (string, error)
	SetPasswordHash(ctx context.Context, accountID int64, hash string) error
	UpdateAccount(ctx context.Context, a *Account) error
	// DeletePendingAccount deletes a local sign-up not yet approved;
	// ENOTFOUND if there is none by that name.
	DeletePendingAccount(ctx context.Context, username string) error
	ListAccounts(ctx context.Context, filter AccountFilter) ([]*Account, error)
	CountLocalAccounts(ctx context.Context) (int64, error)
	// SetAvatar replaces an account's avatar keys and, for a remote
	// account, the icon URL they were fetched from.
	SetAvatar(ctx context.Context, accountID int64, av Avatar) error
}

// AccountFilter selects accounts for listings; zero values mean "any".
type AccountFilter struct {
	PendingOnly bool  // only sign-ups waiting for approval
	AfterID     int64 // keyset pagination
	Limit       int
}

// PasswordHasher hashes and checks passwords; an adapter supplies it so that
// the domain stays free of crypto dependencies.
type PasswordHasher interface {
	Hash(password string) (string, error)
	// Compare returns nil when password matches hash.
	Compare(hash, password string) error
}
