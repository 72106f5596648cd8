package activitypub

import (
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// visibility is who a Note is addressed to.
type visibility int

const (
	visibilityDirect    visibility = iota // named people only
	visibilityFollowers                   // the author's followers
	visibilityPublic                      // public or unlisted (Public in to or cc)
)

// visibilityOf classifies a Note by its addressing, the way Mastodon
// does: Public anywhere makes it public (or unlisted), the author's
// followers collection makes it followers-only, else it is direct.
func visibilityOf(o *vocab.Object, followersURL string) visibility {
	rcpt := o.Recipients()
	switch {
	case vocab.IsPublic(rcpt):
		return visibilityPublic
	case followersURL != "" && rcpt.Contains(followersURL):
		return visibilityFollowers
	}
	return visibilityDirect
}

// pinFrom maps a Note with an image to a pin's text. A Corkboard Note
// carries its title as a first <strong> paragraph and its source link as
// a last paragraph holding only that link (our sourceLink property); both
// are taken back out of the description. Tags come from the Hashtag tags
// and from the text.
func pinFrom(o *vocab.Object) *corkboard.Pin {
	ps := htmlParagraphs(o.Content)
	link := webURL(string(o.SourceLink))
	p := &corkboard.Pin{IRI: o.ID, Link: link, PageURL: webURL(string(o.URL)), CreatedAt: o.Published.Time}
	if len(ps) > 1 && ps[0].StrongOnly && link != "" {
		p.Title, ps = ps[0].Text, ps[1:]
	}
	if n := len(ps); n > 0 && link != "" && ps[n-1].LinkOnly == link {
		ps = ps[:n-1]
	}
	texts := make([]string, len(ps))
	for i, para := range ps {
		texts[i] = para.Text
	}
	p.Description = strings.Join(texts, "\n\n")
	if imgs := o.Images(); len(imgs) > 0 {
		p.AltText = imgs[0].AltText()
	}
	p.Tags = noteTags(o, p.Description)
	return p
}

// noteTags returns the lowercase tags of a Note: its Hashtag tags, then
// the #tags of its text, without duplicates.
func noteTags(o *vocab.Object, text string) []string {
	var tags []string
	seen := map[string]bool{}
	add := func(t string) {
		if t = corkboard.NormalizeTag(t); t != "" && !seen[t] && len(corkboard.ExtractTags("#"+t)) == 1 {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	for _, h := range o.Hashtags() {
		add(h.Name)
	}
	for _, t := range corkboard.ExtractTags(text) {
		add(t)
	}
	return tags
}
