package vocab

import "strings"

// Object is a received content object: Note (Mastodon, GoToSocial, Fedify,
// Pixelfed, Corkboard pins and messages), Question, Page and Article
// (Lemmy, blogs), ChatMessage (Pleroma, Lemmy private messages), media
// objects and Tombstone.
type Object struct {
	LDContext LDContext `json:"@context"`
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	// AttributedTo is the author; PeerTube and some group software list the
	// author and the group. Use Author for the author.
	AttributedTo Refs              `json:"attributedTo"`
	Content      string            `json:"content"`
	ContentMap   map[string]string `json:"contentMap"`
	MediaType    string            `json:"mediaType"`
	// Summary is the content warning on Mastodon-style servers ("" or null
	// when there is none).
	Summary string `json:"summary"`
	// Name is a title (Lemmy Page, Article). GoToSocial shows a Note's name
	// as a content warning, so we never send one.
	Name      string `json:"name"`
	URL       URL    `json:"url"`
	InReplyTo IRI    `json:"inReplyTo"`
	// Context and Conversation identify the thread; Mastodon sends the
	// OStatus "conversation" (a tag: URI), newer servers "context".
	Context      IRI         `json:"context"`
	Conversation IRI         `json:"conversation"`
	To           IRIs        `json:"to"`
	Cc           IRIs        `json:"cc"`
	Bto          IRIs        `json:"bto"`
	Bcc          IRIs        `json:"bcc"`
	Audience     IRIs        `json:"audience"`
	Tag          Tags        `json:"tag"`
	Attachment   Attachments `json:"attachment"`
	Sensitive    bool        `json:"sensitive"`
	Published    Time        `json:"published"`
	Updated      Time        `json:"updated"`
	// DirectMessage is litepub's flag for a direct message (Pleroma,
	// Akkoma, Corkboard).
	DirectMessage bool `json:"directMessage"`

	// Corkboard extension properties (see NAMESPACE.md). The board a pin
	// belongs to travels in the standard Audience (FEP-1b12).
	SavedFrom  IRI `json:"savedFrom"`
	SourceLink IRI `json:"sourceLink"`
	Pin        IRI `json:"pin"`
}

// Author returns the IRI of the author: the first attributedTo entry that
// is typed as a Person, else the first entry.
func (o *Object) Author() string {
	for _, r := range o.AttributedTo {
		if r.Type == "Person" {
			return r.ID
		}
	}
	return o.AttributedTo.First().ID
}

// Recipients returns to, cc, bto, bcc and audience in one list.
func (o *Object) Recipients() IRIs {
	return union(o.To, o.Cc, o.Bto, o.Bcc, o.Audience)
}

// Mentions returns the Mention tags.
func (o *Object) Mentions() []Tag { return o.tags("Mention") }

// Hashtags returns the Hashtag tags.
func (o *Object) Hashtags() []Tag { return o.tags("Hashtag") }

func (o *Object) tags(typ string) []Tag {
	var out []Tag
	for _, t := range o.Tag {
		if t.Type == typ {
			out = append(out, t)
		}
	}
	return out
}

// Images returns the image attachments with a URL: type Image, or Document
// with an image/* media type (Mastodon and Pleroma send Document). Link
// attachments (Lemmy's link posts) are not images.
func (o *Object) Images() []Attachment {
	var out []Attachment
	for _, a := range o.Attachment {
		if a.URL == "" {
			continue
		}
		if a.Type == "Image" || (a.Type == "Document" && strings.HasPrefix(a.MediaType, "image/")) {
			out = append(out, a)
		}
	}
	return out
}
