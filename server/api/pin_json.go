package api

import (
	"strconv"
	"time"

	"github.com/corkboard/corkboard"
)

// pinJSON is a pin: Corkboard's own entity, with Mastodon's field names
// where Mastodon has the concept (id, url, uri, created_at, account).
type pinJSON struct {
	ID           string       `json:"id"`
	URL          string       `json:"url"` // the pin's HTML page
	URI          string       `json:"uri"` // its ActivityPub id
	BoardID      string       `json:"board_id"`
	Title        string       `json:"title"`
	Description  string       `json:"description"`
	AltText      string       `json:"alt_text"`
	Link         string       `json:"link"`
	Tags         []string     `json:"tags"`
	SavedFrom    *string      `json:"saved_from"`
	Secret       bool         `json:"secret"`
	SaveCount    int          `json:"save_count"`
	LikeCount    int          `json:"like_count"`
	CommentCount int          `json:"comment_count"`
	Liked        bool         `json:"liked"`
	CreatedAt    string       `json:"created_at"`
	Account      *accountJSON `json:"account"`
	Image        imageJSON    `json:"image"`
}

// imageJSON is a pin's picture: the metadata-free original and its
// thumbnails, keyed by the layout width they were made for ("236", "736").
type imageJSON struct {
	Original    string                   `json:"original"`
	ContentType string                   `json:"content_type"`
	Width       int                      `json:"width"`
	Height      int                      `json:"height"`
	Blurhash    string                   `json:"blurhash"`
	Color       string                   `json:"color"`
	Thumbnails  map[string]thumbnailJSON `json:"thumbnails"`
}

type thumbnailJSON struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

func (a *API) newPinJSON(p *corkboard.Pin) pinJSON {
	id := strconv.FormatInt(p.ID, 10)
	j := pinJSON{ID: id, URL: a.BaseURL + "/pins/" + id, URI: a.Service.PinIRI(p),
		BoardID: strconv.FormatInt(p.BoardID, 10), Title: p.Title, Description: p.Description,
		AltText: p.AltText, Link: p.Link, Tags: p.Tags, Secret: p.Secret, SaveCount: p.SaveCount,
		LikeCount: p.LikeCount, CommentCount: p.CommentCount, Liked: p.LikedByMe,
		CreatedAt: timestamp(p.CreatedAt), Image: a.newImageJSON(p.Image)}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	// SavedFrom is loaded only when the viewer may see the original: the
	// id of someone's secret pin is not shown, even as a number.
	if p.SavedFrom != nil {
		from := strconv.FormatInt(p.SavedFrom.ID, 10)
		j.SavedFrom = &from
	}
	if p.Account != nil {
		acct := a.newAccountJSON(p.Account)
		j.Account = &acct
	}
	return j
}

func (a *API) newImageJSON(im corkboard.Image) imageJSON {
	j := imageJSON{Original: a.mediaURL(im.Key), ContentType: im.ContentType, Width: im.Width, Height: im.Height,
		Blurhash: im.Blurhash, Color: im.Color, Thumbnails: make(map[string]thumbnailJSON, len(im.Variants))}
	for _, v := range im.Variants {
		// Variants are named by their layout width; an image narrower than
		// that is never enlarged, so its real width is the original's.
		j.Thumbnails[strconv.Itoa(v.Width)] = thumbnailJSON{URL: a.mediaURL(v.Key), Width: min(v.Width, im.Width), Height: v.Height}
	}
	return j
}

func (a *API) newPinsJSON(pins []*corkboard.Pin) []pinJSON {
	out := make([]pinJSON, len(pins))
	for i, p := range pins {
		out[i] = a.newPinJSON(p)
	}
	return out
}

// mediaURL is the absolute address of a stored file (server/media_route.go).
func (a *API) mediaURL(key string) string { return a.BaseURL + "/media/" + key }

// timestamp renders a time as Mastodon does: UTC, milliseconds, "Z".
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
