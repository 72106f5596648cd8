package vocab

import (
	"time"

	"github.com/go-fed/activity/streams"
	"github.com/go-fed/activity/streams/vocab"
)

// NoteInput is a pin or a direct message, as a Note. There is deliberately
// no Name: GoToSocial shows a Note's name as a content warning.
type NoteInput struct {
	ID           string
	AttributedTo string
	Content      string // HTML: a pin's title, description and source link
	URL          string // the pin's (or message's) page
	Published    time.Time
	Updated      time.Time // zero unless edited
	To           []string
	Cc           []string
	InReplyTo    string // the previous message of a conversation
	Context      string // the thread; also sent as "conversation"
	Tags         []TagInput
	Image        *ImageInput // at most one; pins have exactly one
	SourceLink   string      // extension: the page the image came from
	BoardIRI     string      // the board's Group actor, sent as "audience"
	SavedFromIRI string      // extension: the pin this one was saved from
	// DirectMessage marks a private message: To = the recipients, no cc,
	// a Mention for each recipient, a Context. NoteJSON enforces it.
	DirectMessage bool
	PinIRI        string // extension: the pin a message carries
}

// Tag types for TagInput.
const (
	TagMention = "Mention"
	TagHashtag = "Hashtag"
)

// TagInput is a Mention (Href = actor IRI, Name = "@user@host") or a
// Hashtag (Href = tag page, Name = "#tag").
type TagInput struct {
	Type string
	Href string
	Name string
}

// ImageInput is a pin's image attachment.
type ImageInput struct {
	URL       string
	MediaType string // image/jpeg or image/png
	Name      string // alt text
	// Blurhash is sent when Pixelfed would accept it (6 to 164 characters).
	Blurhash string
	// Width and Height are sent when both are in 1..5000: Pixelfed rejects
	// every attachment of a post whose dimensions exceed its limit.
	Width, Height int
}

// NoteJSON returns the Note document of a pin or message.
func NoteJSON(in NoteInput) ([]byte, error) {
	var b builder
	checkNote(&b, in)
	note := streams.NewActivityStreamsNote()
	note.SetJSONLDId(idProperty(b.iri("id", in.ID)))
	note.SetActivityStreamsAttributedTo(attributedToProperty(b.iri("attributedTo", in.AttributedTo)))
	note.SetActivityStreamsContent(contentProperty(in.Content))
	if in.URL != "" {
		u := streams.NewActivityStreamsUrlProperty()
		u.AppendIRI(b.iri("url", in.URL))
		note.SetActivityStreamsUrl(u)
	}
	note.SetActivityStreamsPublished(publishedProperty(in.Published))
	if !in.Updated.IsZero() {
		updated := streams.NewActivityStreamsUpdatedProperty()
		updated.Set(in.Updated.UTC())
		note.SetActivityStreamsUpdated(updated)
	}
	note.SetActivityStreamsTo(toProperty(b.iris("to", in.To)))
	note.SetActivityStreamsCc(ccProperty(b.iris("cc", in.Cc)))
	setThread(&b, note, in)
	note.SetActivityStreamsTag(mentionsProperty(&b, in.Tags))
	if in.Image != nil {
		note.SetActivityStreamsAttachment(imageProperty(&b, *in.Image))
	}
	if b.err != nil {
		return nil, b.err
	}
	d, err := serialize(note)
	if err != nil {
		return nil, err
	}
	d.arrays("to", "cc", "tag", "attachment")
	for _, t := range in.Tags {
		if t.Type == TagHashtag { // go-fed v1.0.0 has no Hashtag type
			d.appendTo("tag", map[string]any{"type": TagHashtag, "href": t.Href, "name": t.Name})
		}
	}
	d["sensitive"] = false
	if in.Context != "" {
		d["conversation"] = in.Context
	}
	if in.DirectMessage {
		d["directMessage"] = true
	}
	d.setIRI(&b, PropSourceLink, in.SourceLink)
	d.setIRI(&b, PropSavedFrom, in.SavedFromIRI)
	d.setIRI(&b, PropPin, in.PinIRI)
	if b.err != nil {
		return nil, b.err
	}
	return d.marshal()
}

// setThread sets inReplyTo, context and the board audience.
func setThread(b *builder, note vocab.ActivityStreamsNote, in NoteInput) {
	if in.InReplyTo != "" {
		p := streams.NewActivityStreamsInReplyToProperty()
		p.AppendIRI(b.iri("inReplyTo", in.InReplyTo))
		note.SetActivityStreamsInReplyTo(p)
	}
	if in.Context != "" {
		p := streams.NewActivityStreamsContextProperty()
		p.AppendIRI(b.iri("context", in.Context))
		note.SetActivityStreamsContext(p)
	}
	if in.BoardIRI != "" {
		p := streams.NewActivityStreamsAudienceProperty()
		p.AppendIRI(b.iri("audience", in.BoardIRI))
		note.SetActivityStreamsAudience(p)
	}
}

func mentionsProperty(b *builder, tags []TagInput) vocab.ActivityStreamsTagProperty {
	var p vocab.ActivityStreamsTagProperty
	for _, t := range tags {
		if t.Type != TagMention {
			continue
		}
		if p == nil {
			p = streams.NewActivityStreamsTagProperty()
		}
		m := streams.NewActivityStreamsMention()
		href := streams.NewActivityStreamsHrefProperty()
		href.Set(b.iri("tag.href", t.Href))
		m.SetActivityStreamsHref(href)
		name := streams.NewActivityStreamsNameProperty()
		name.AppendXMLSchemaString(t.Name)
		m.SetActivityStreamsName(name)
		p.AppendActivityStreamsMention(m)
	}
	return p
}

func imageProperty(b *builder, in ImageInput) vocab.ActivityStreamsAttachmentProperty {
	img := streams.NewActivityStreamsImage()
	u := streams.NewActivityStreamsUrlProperty()
	u.AppendIRI(b.iri("image.url", in.URL))
	img.SetActivityStreamsUrl(u)
	mt := streams.NewActivityStreamsMediaTypeProperty()
	mt.Set(in.MediaType)
	img.SetActivityStreamsMediaType(mt)
	if in.Name != "" {
		name := streams.NewActivityStreamsNameProperty()
		name.AppendXMLSchemaString(in.Name)
		img.SetActivityStreamsName(name)
	}
	if n := len(in.Blurhash); n >= 6 && n <= 164 {
		bh := streams.NewTootBlurhashProperty()
		bh.Set(in.Blurhash)
		img.SetTootBlurhash(bh)
	}
	if in.Width >= 1 && in.Width <= 5000 && in.Height >= 1 && in.Height <= 5000 {
		w := streams.NewActivityStreamsWidthProperty()
		w.Set(in.Width)
		img.SetActivityStreamsWidth(w)
		h := streams.NewActivityStreamsHeightProperty()
		h.Set(in.Height)
		img.SetActivityStreamsHeight(h)
	}
	p := streams.NewActivityStreamsAttachmentProperty()
	p.AppendActivityStreamsImage(img)
	return p
}
