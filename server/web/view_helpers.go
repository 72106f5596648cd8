package web

import (
	"math"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
)

// picture is an image as a template draws it: where it is and its size,
// so that <img> reserves its space before it loads.
type picture struct {
	URL           string
	Width, Height int
}

// thumb is a pin image's thumbnail of the given width (236 for grids, 736
// for a pin's page), or the original when the image is narrower.
func thumb(im corkboard.Image, width int) picture {
	v := im.Variant(width)
	return picture{URL: mediaURL(v.Key), Width: v.Width, Height: v.Height}
}

// thumbSet is a grid image's srcset: the 236 px thumbnail, and the 736 px
// one for screens with more pixels per CSS pixel.
func thumbSet(im corkboard.Image) string {
	small, large := im.Variant(236), im.Variant(736)
	set := mediaURL(small.Key) + " " + strconv.Itoa(small.Width) + "w"
	if large.Key != small.Key {
		set += ", " + mediaURL(large.Key) + " " + strconv.Itoa(large.Width) + "w"
	}
	return set
}

// mediaURL is where a stored file is served (server/media_route.go).
func mediaURL(key string) string { return "/media/" + key }

// pinURL is a pin's page.
func pinURL(p *corkboard.Pin) string { return "/pins/" + formatID(p.ID) }

// boardURL is a board's page, given its owner (a board loaded alone may
// not carry its Account): /@alice/recipes, or /@bob@host/recipes for a
// board on another server.
func boardURL(owner *corkboard.Account, b *corkboard.Board) string {
	if owner == nil || b == nil {
		return "/"
	}
	return profileURL(owner) + "/" + b.Slug
}

// profileURL is a person's page here: /@alice, or /@bob@host for someone
// on another server (their page as we know it, not a link away).
func profileURL(a *corkboard.Account) string {
	if a == nil {
		return "/"
	}
	return "/@" + a.Acct()
}

// countText is "1 pin", "2 pins", "1.2k followers": a number with its noun.
func countText(n any, one, many string) string {
	var v int64
	switch n := n.(type) {
	case int:
		v = int64(n)
	case int64:
		v = n
	}
	noun := many
	if v == 1 {
		noun = one
	}
	return shortCount(v) + " " + noun
}

// shortCount abbreviates large numbers the way people read them.
func shortCount(n int64) string {
	switch {
	case n >= 1_000_000:
		return oneDecimal(float64(n)/1e6) + "M"
	case n >= 10_000:
		return strconv.FormatInt(n/1000, 10) + "k"
	case n >= 1000:
		return oneDecimal(float64(n)/1000) + "k"
	}
	return strconv.FormatInt(n, 10)
}

// oneDecimal rounds down to one decimal, dropping ".0" ("1.2", "3").
func oneDecimal(f float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(math.Floor(f*10)/10, 'f', 1, 64), ".0")
}

// followButton is the data of a Follow / Following / Requested button:
// one form that posts to Action + "/follow" or "/unfollow" (which also
// withdraws a request that is still waiting).
type followButton struct {
	corkboard.FollowState
	Action, Label  string
	CSRF, ReturnTo string
}

func followOf(state corkboard.FollowState, action, csrf, returnTo, label string) followButton {
	return followButton{FollowState: state, Action: action, Label: label, CSRF: csrf, ReturnTo: returnTo}
}

// boardChoice is the data of a board picker.
type boardChoice struct {
	Boards   []*corkboard.Board
	Selected int64
	Label    string
}

func newBoardChoice(boards []*corkboard.Board, selected int64, label string) boardChoice {
	return boardChoice{Boards: boards, Selected: selected, Label: label}
}
