package activitypub

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// pinObject serves a pin's Note. /pins/{id} is also the pin's web page:
// negotiate routes requests for ActivityPub documents here.
func (f *Federation) pinObject(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := f.Service.Pin(c.Request().Context(), nil, id) // a secret pin is not found
	if err != nil {
		return err
	}
	if p.IRI != "" || hidden(p.Account) {
		return notFound()
	}
	body, err := f.pinNoteJSON(p, p.Account, f.savedFromIRI(p.SavedFrom))
	if err != nil {
		return err
	}
	return serveActivity(c, body)
}

// pinNoteJSON is a local pin's Note, cached per version of the pin.
func (f *Federation) pinNoteJSON(p *corkboard.Pin, owner *corkboard.Account, savedFrom string) ([]byte, error) {
	body, err := f.cached("note:"+f.pinIRI(p.ID), p.UpdatedAt, func() ([]byte, error) {
		return vocab.NoteJSON(f.pinNote(p, owner, savedFrom))
	})
	if err != nil {
		return nil, fmt.Errorf("note of pin %d: %w", p.ID, err)
	}
	return body, nil
}

// pinNote is a pin in the shape DESIGN.md fixes: title, description and
// source link in content; one Image attachment; no name; the board as
// audience; public, copied to the owner's followers.
func (f *Federation) pinNote(p *corkboard.Pin, owner *corkboard.Account, savedFrom string) vocab.NoteInput {
	id, ownerIRI := f.pinIRI(p.ID), f.personIRI(owner.Username)
	in := vocab.NoteInput{
		ID: id, AttributedTo: ownerIRI, Content: f.pinContent(p), URL: id, Published: p.CreatedAt,
		To: []string{vocab.PublicCollection}, Cc: []string{ownerIRI + "/followers"},
		Image: f.imageAttachment(p), SourceLink: p.Link, BoardIRI: f.boardIRI(p.BoardID), SavedFromIRI: savedFrom,
	}
	if p.UpdatedAt.After(p.CreatedAt.Add(time.Second)) {
		in.Updated = p.UpdatedAt
	}
	for _, t := range p.Tags {
		in.Tags = append(in.Tags, vocab.TagInput{Type: vocab.TagHashtag, Href: f.tagURL(t), Name: "#" + t})
	}
	return in
}

// pinContent is the HTML everyone else shows: the title, the description
// with its links and #tags, and the source link, which also travels as
// our sourceLink property for other Corkboards.
func (f *Federation) pinContent(p *corkboard.Pin) string {
	var b strings.Builder
	if p.Title != "" {
		b.WriteString("<p><strong>" + html.EscapeString(p.Title) + "</strong></p>")
	}
	b.WriteString(f.richParagraphs(p.Description))
	if link := webLink(p.Link); link != "" {
		b.WriteString("<p>" + link + "</p>")
	}
	return b.String()
}

// imageAttachment is the pin's picture: the stored original when it is a
// JPEG or PNG (what Pixelfed and GoToSocial accept), else the largest
// thumbnail that is (a GIF's).
func (f *Federation) imageAttachment(p *corkboard.Pin) *vocab.ImageInput {
	im := p.Image
	pick := corkboard.ImageVariant{Key: im.Key, ContentType: im.ContentType, Width: im.Width, Height: im.Height}
	if !webImage(pick.ContentType) {
		pick = corkboard.ImageVariant{}
		for _, v := range im.Variants {
			if webImage(v.ContentType) && v.Width > pick.Width {
				pick = v
			}
		}
	}
	if pick.Key == "" {
		return nil
	}
	return &vocab.ImageInput{URL: f.mediaURL(pick.Key), MediaType: pick.ContentType, Name: p.AltText,
		Blurhash: im.Blurhash, Width: pick.Width, Height: pick.Height}
}

func webImage(contentType string) bool {
	return contentType == "image/jpeg" || contentType == "image/png"
}

// savedFromIRI is the IRI of the pin a pin was saved from, unless that
// one is secret (its IRI would reveal that it exists) or gone.
func (f *Federation) savedFromIRI(orig *corkboard.Pin) string {
	switch {
	case orig == nil || orig.Secret:
		return ""
	case orig.IRI != "":
		return orig.IRI
	}
	return f.pinIRI(orig.ID)
}

// mediaURL is where a stored file is served.
func (f *Federation) mediaURL(key string) string { return f.BaseURL + "/media/" + key }

// mediaTypeOfKey names a stored file's type from its key's extension.
func mediaTypeOfKey(key string) string {
	switch {
	case strings.HasSuffix(key, ".png"):
		return "image/png"
	case strings.HasSuffix(key, ".gif"):
		return "image/gif"
	}
	return "image/jpeg"
}
