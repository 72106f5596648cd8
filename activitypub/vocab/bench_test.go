package vocab

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/go-fed/activity/streams"
)

// benchCreate is a GoToSocial Create(Note) with an image, two hashtags and
// an interaction policy: 3.8 KB as captured (pretty-printed), the size of
// a typical Mastodon Create.
const benchCreate = "gotosocial/create-note-public-image.json"

// BenchmarkDecodeCreateNote is the inbox hot path: classify the document,
// decode the activity and its embedded Note.
func BenchmarkDecodeCreateNote(b *testing.B) {
	data := fixture(b, benchCreate)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := doc.Activity.Object().Object(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreamsToType is the same payload through go-fed: the JSON map
// it needs, then streams.ToType.
func BenchmarkStreamsToType(b *testing.B) {
	data := fixture(b, benchCreate)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
		if _, err := streams.ToType(context.Background(), m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainStructDecode is the floor: encoding/json into a naive
// struct with none of the tolerance (it would fail on half the corpus).
func BenchmarkPlainStructDecode(b *testing.B) {
	data := fixture(b, benchCreate)
	type note struct {
		ID, Type, Content, AttributedTo, URL, Summary, To, Cc string
		Attachment                                            []struct{ Type, URL, MediaType, Summary, Blurhash string }
		Tag                                                   []struct{ Type, Href, Name string }
	}
	type create struct {
		ID, Type, Actor, To, Cc string
		Object                  note
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var c create
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNoteJSON builds a pin with go-fed streams, as we publish it.
func BenchmarkNoteJSON(b *testing.B) {
	in := pinInput()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NoteJSON(in); err != nil {
			b.Fatal(err)
		}
	}
}

// plainNote has the JSON shape NoteJSON produces, for BenchmarkNoteStructMarshal.
type plainNote struct {
	Context      json.RawMessage `json:"@context"`
	ID           string          `json:"id"`
	Type         string          `json:"type"`
	AttributedTo string          `json:"attributedTo"`
	Audience     string          `json:"audience"`
	Content      string          `json:"content"`
	URL          string          `json:"url"`
	Published    string          `json:"published"`
	To           []string        `json:"to"`
	Cc           []string        `json:"cc"`
	Sensitive    bool            `json:"sensitive"`
	Tag          []TagInput      `json:"tag"`
	Attachment   []plainImage    `json:"attachment"`
	SourceLink   string          `json:"sourceLink"`
	SavedFrom    string          `json:"savedFrom"`
}

type plainImage struct {
	Type      string `json:"type"`
	URL       string `json:"url"`
	MediaType string `json:"mediaType"`
	Name      string `json:"name"`
	Blurhash  string `json:"blurhash"`
	Width     int    `json:"width"`
	Height    int    `json:"height"`
}

// BenchmarkNoteStructMarshal marshals the same document from a plain struct.
func BenchmarkNoteStructMarshal(b *testing.B) {
	in := pinInput()
	b.ReportAllocs()
	for b.Loop() {
		n := plainNote{
			Context: json.RawMessage(contextJSON), ID: in.ID, Type: "Note", AttributedTo: in.AttributedTo,
			Audience: in.BoardIRI, Content: in.Content, URL: in.URL, Published: in.Published.Format("2006-01-02T15:04:05Z07:00"),
			To: in.To, Cc: in.Cc, Tag: in.Tags, SourceLink: in.SourceLink, SavedFrom: in.SavedFromIRI,
			Attachment: []plainImage{{"Image", in.Image.URL, in.Image.MediaType, in.Image.Name, in.Image.Blurhash, in.Image.Width, in.Image.Height}},
		}
		if _, err := json.Marshal(n); err != nil {
			b.Fatal(err)
		}
	}
}
