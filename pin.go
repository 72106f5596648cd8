package corkboard

import (
	"context"
	"io"
	"regexp"
	"strings"
	"time"
)

// Image is a stored, metadata-free picture with its thumbnails.
type Image struct {
	Key         string // storage key of the re-encoded original
	ContentType string
	Width       int
	Height      int
	Blurhash    string
	Color       string // dominant colour, "#rrggbb"
	Variants    []ImageVariant
}

// ImageVariant is a thumbnail of an Image.
type ImageVariant struct {
	Width       int
	Height      int
	Key         string
	ContentType string
}

// Variant returns the thumbnail of the given width, or the original when
// the image is narrower (thumbnails are never upscaled).
func (im Image) Variant(width int) ImageVariant {
	for _, v := range im.Variants {
		if v.Width == width || (v.Width < width && v.Key == im.Key) {
			return v
		}
	}
	for _, v := range im.Variants {
		if v.Width <= width {
			return v
		}
	}
	return ImageVariant{Width: im.Width, Height: im.Height, Key: im.Key, ContentType: im.ContentType}
}

// Pin is an image with a description, on a board.
type Pin struct {
	ID          int64
	AccountID   int64
	BoardID     int64
	Title       string // from the source page, when there is one
	Description string // plain text with #tags and links
	AltText     string
	Link        string // source link
	Image       Image
	Tags        []string
	// SavedFromID is the pin this one was saved (repinned) from, or 0.
	SavedFromID  int64
	Secret       bool // copied from its board: pins on secret boards are the owner's only
	SaveCount    int
	LikeCount    int
	CommentCount int
	IRI          string // a remote pin's ActivityPub id; empty for local pins
	PageURL      string // a remote pin's HTML page
	// RemoteImageURL is where a remote pin's image came from; the image
	// itself is stored locally through the media pipeline.
	RemoteImageURL string
	CreatedAt      time.Time
	UpdatedAt      time.Time

	// Loaded for display.
	Account   *Account
	Board     *Board
	SavedFrom *Pin
	LikedByMe bool
}

// PinInput is what a person sets on a pin. Exactly one image source is
// used: Image (an upload), ImageURL, or PageURL.
type PinInput struct {
	BoardID     int64
	Title       string
	Description string
	AltText     string
	Link        string
	Image       io.Reader
	ImageURL    string
	PageURL     string
}

var tagPattern = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]{1,64})`)

// ExtractTags returns the lowercase #tags in text, without duplicates, in
// order of first appearance (at most 30).
func ExtractTags(text string) []string {
	var tags []string
	seen := map[string]bool{}
	for _, m := range tagPattern.FindAllStringSubmatch(text, -1) {
		t := strings.ToLower(m[1])
		if !seen[t] && len(tags) < 30 {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	return tags
}

// NormalizeTag turns a tag from a URL ("#Recipes", "Recipes") into the
// stored form.
func NormalizeTag(tag string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(tag), "#"))
}

// PinStore persists pins, with their tags and search entries.
type PinStore interface {
	CreatePin(ctx context.Context, p *Pin) error
	UpdatePin(ctx context.Context, p *Pin) error
	DeletePin(ctx context.Context, id int64) error
	PinByID(ctx context.Context, id int64) (*Pin, error)
	// ListPins lists pins newest first, after the keyset cursor.
	ListPins(ctx context.Context, q PinQuery) ([]*Pin, error)
	// SetBoardSecret copies a board's secrecy onto its pins.
	SetBoardSecret(ctx context.Context, boardID int64, secret bool) error
	AdjustPinCounts(ctx context.Context, pinID int64, saves, likes, comments int) error
	// ImageInUse reports whether any pin still shows the image with this key.
	ImageInUse(ctx context.Context, key string) (bool, error)
}

// PinQuery selects pins; zero fields are not constrained. Results are
// newest first; BeforeID is the keyset cursor (0: from the newest).
type PinQuery struct {
	BoardID   int64
	AccountID int64
	Tag       string
	Search    string
	// ViewerID sees their own secret pins; everyone else's secret pins are
	// never returned.
	ViewerID int64
	BeforeID int64
	Limit    int
}

// ImageIntake turns untrusted image bytes into a stored Image (sniffed,
// bounded, upright, stripped of metadata, with thumbnails).
type ImageIntake interface {
	Intake(ctx context.Context, r io.Reader) (*Image, error)
	Delete(ctx context.Context, im *Image) error
}

// Fetcher fetches remote pages and images through the SSRF-safe client.
type Fetcher interface {
	FetchImage(ctx context.Context, url string) (io.ReadCloser, error)
	FetchPage(ctx context.Context, url string) (*PageInfo, error)
}

// PageInfo is what a web page tells about itself for a pin.
type PageInfo struct {
	URL         string // final URL
	Title       string
	Description string
	ImageURL    string // og:image, twitter:image, else the largest <img>
}
