package corkboard

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Board is a named collection of pins. A public board is followable (and
// will federate as a Group actor, "alice.recipes"); a secret board is seen
// by its owner only, is never listed, and never federates.
type Board struct {
	ID          int64
	AccountID   int64
	Slug        string // unique per owner; "recipes" in alice.recipes
	Title       string
	Description string
	Secret      bool
	CoverPinID  int64 // the chosen cover; 0: the newest pin is the cover
	// ShownCoverID is the cover pin shown: the chosen one, else the newest.
	ShownCoverID int64
	IRI          string // a remote board's ActivityPub id; empty for local boards
	PinCount     int
	// Remote boards (Group actors): where they live.
	InboxURL         string
	SharedInboxURL   string
	FollowersURL     string
	PageURL          string
	ManuallyApproves bool
	FetchedAt        time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time

	Account *Account // owner, when loaded
	Cover   *Pin     // cover pin, when loaded
}

// BoardInput is what a person sets on a board.
type BoardInput struct {
	Title       string
	Description string
	Secret      bool
	Slug        string // optional; derived from the title when empty
	CoverPinID  int64
}

var slugPattern = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)

// Slugify derives a slug from a title: lowercase ASCII letters, digits and
// underscores (no dots or dashes, so "alice.recipes" stays unambiguous).
func Slugify(title string) string {
	var b strings.Builder
	lastUnderscore := true
	for _, r := range strings.ToLower(title) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			lastUnderscore = false
		case !lastUnderscore:
			b.WriteByte('_')
			lastUnderscore = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" {
		s = "board"
	}
	return s
}

// Validate checks a board's fields.
func (in *BoardInput) Validate() error {
	in.Title = strings.TrimSpace(in.Title)
	in.Description = strings.TrimSpace(in.Description)
	in.Slug = strings.TrimSpace(strings.ToLower(in.Slug))
	if in.Title == "" {
		return Errorf(EINVALID, "a board needs a title")
	}
	if len([]rune(in.Title)) > 100 {
		return Errorf(EINVALID, "the title must be at most 100 characters")
	}
	if len([]rune(in.Description)) > 2000 {
		return Errorf(EINVALID, "the description must be at most 2000 characters")
	}
	if in.Slug != "" && !slugPattern.MatchString(in.Slug) {
		return Errorf(EINVALID, "the board's short name must be 1 to 40 lowercase letters, digits or underscores")
	}
	return nil
}

// BoardStore persists boards.
type BoardStore interface {
	CreateBoard(ctx context.Context, b *Board) error
	UpdateBoard(ctx context.Context, b *Board) error
	DeleteBoard(ctx context.Context, id int64) error
	BoardByID(ctx context.Context, id int64) (*Board, error)
	BoardBySlug(ctx context.Context, accountID int64, slug string) (*Board, error)
	// ListBoards lists an account's boards; secret ones only if withSecret.
	ListBoards(ctx context.Context, accountID int64, withSecret bool) ([]*Board, error)
	SlugTaken(ctx context.Context, accountID int64, slug string) (bool, error)
}
