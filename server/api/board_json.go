package api

import (
	"cmp"
	"strconv"

	"github.com/corkboard/corkboard"
)

// boardJSON is a board, Corkboard's own entity.
type boardJSON struct {
	ID          string       `json:"id"`
	Slug        string       `json:"slug"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Secret      bool         `json:"secret"`
	URL         string       `json:"url"` // the board's HTML page, /@owner/slug
	URI         string       `json:"uri"` // its ActivityPub id
	PinCount    int          `json:"pin_count"`
	Cover       *imageJSON   `json:"cover"` // null while the board is empty
	Account     *accountJSON `json:"account"`
	CreatedAt   string       `json:"created_at"`
}

// newBoardJSON renders a board whose owner is loaded (every Service method
// that returns boards loads it).
func (a *API) newBoardJSON(b *corkboard.Board) boardJSON {
	j := boardJSON{ID: strconv.FormatInt(b.ID, 10), Slug: b.Slug, Title: b.Title, Description: b.Description,
		Secret: b.Secret, URI: a.Service.BoardIRI(b), PinCount: b.PinCount, CreatedAt: timestamp(b.CreatedAt)}
	if b.Account != nil {
		acct := a.newAccountJSON(b.Account)
		j.Account, j.URL = &acct, a.Service.BoardURL(b.Account, b)
	}
	if b.IRI != "" { // a board on another server: its page is there
		j.URL = cmp.Or(b.PageURL, b.IRI)
	}
	if b.Cover != nil {
		cover := a.newImageJSON(b.Cover.Image)
		j.Cover = &cover
	}
	return j
}

func (a *API) newBoardsJSON(boards []*corkboard.Board) []boardJSON {
	out := make([]boardJSON, len(boards))
	for i, b := range boards {
		out[i] = a.newBoardJSON(b)
	}
	return out
}

// followJSON answers a follow or unfollow of a board, in the spirit of
// Mastodon's Relationship: following, or requested while pending.
type followJSON struct {
	ID        string `json:"id"` // the board's
	Following bool   `json:"following"`
	Requested bool   `json:"requested"`
}
