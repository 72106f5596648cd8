package vocab

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestEncodeRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*NoteInput)
	}{
		{"no published", func(n *NoteInput) { n.Published = time.Time{} }},
		{"gif image", func(n *NoteInput) { n.Image.MediaType = "image/gif" }},
		{"relative IRI", func(n *NoteInput) { n.URL = "/pins/1" }},
		{"message without mention", func(n *NoteInput) { n.Tags = n.Tags[:1] }},
		{"message with cc", func(n *NoteInput) { n.Cc = []string{alice + "/followers"} }},
		{"public message", func(n *NoteInput) { n.To = append(n.To, PublicCollection) }},
		{"message without context", func(n *NoteInput) { n.Context = "" }},
		{"message on a board", func(n *NoteInput) { n.BoardIRI = board }},
		{"bad tag type", func(n *NoteInput) { n.Tags[0].Type = "Emoji" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := messageInput()
			img := *in.Image
			in.Image = &img
			tt.edit(&in)
			if _, err := NoteJSON(in); !errors.Is(err, ErrInvalidInput) {
				t.Errorf("err = %v, want ErrInvalidInput", err)
			}
		})
	}
	bad := []ActivityInput{
		{ID: alice + "/x", Type: "Wave", Actor: alice, Object: carol},
		{ID: alice + "/x", Type: "Like", Actor: alice},
		{ID: alice + "/x", Type: "Like", Actor: alice, Object: carol, Objects: []string{carol}},
		{ID: alice + "/x", Type: "Undo", Actor: alice, ObjectJSON: json.RawMessage(`[1]`)},
		{ID: alice + "/x", Type: "Undo", Actor: alice, ObjectJSON: json.RawMessage(`{"type":"Follow"}`)},
	}
	for _, in := range bad {
		if _, err := ActivityJSON(in); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: err = %v, want ErrInvalidInput", in, err)
		}
	}
	if _, err := GroupJSON(GroupInput{PersonInput: personInput()}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("group without owner: %v", err)
	}
}

// TestEncodeDecodeFields reads back what the other servers rely on.
func TestEncodeDecodeFields(t *testing.T) {
	pin, err := DecodeObject(must(t)(NoteJSON(pinInput())))
	if err != nil {
		t.Fatal(err)
	}
	img := oneImage(t, pin)
	if img.AltText() != "A lemon tart on a blue plate" || img.Width != 1200 || img.Blurhash == "" || img.MediaType != "image/jpeg" {
		t.Errorf("image %+v", img)
	}
	if pin.SourceLink != "https://food.example/tart" || pin.SavedFrom != "https://other.example/pins/9" || pin.Audience.First() != board {
		t.Errorf("extensions %q %q %v", pin.SourceLink, pin.SavedFrom, pin.Audience)
	}
	if pin.Name != "" || pin.DirectMessage || !IsPublic(pin.To) || len(pin.Hashtags()) != 1 {
		t.Errorf("pin %+v", pin)
	}

	raw := must(t)(NoteJSON(messageInput()))
	msg, err := DecodeObject(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !msg.DirectMessage || msg.Pin != pinID || msg.Context != threadID || msg.Conversation != threadID || len(msg.Cc) != 0 {
		t.Errorf("message %+v", msg)
	}
	for _, to := range msg.To {
		if !hasMention(msg, to) {
			t.Errorf("recipient %s not mentioned", to)
		}
	}
	if img := oneImage(t, msg); img.Width != 0 || img.Height != 0 {
		t.Errorf("6000x8000 image should go without dimensions (Pixelfed caps them at 5000): %+v", img)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["name"]; ok {
		t.Error("a Note must not have a name (GoToSocial shows it as a content warning)")
	}

	p, err := DecodeActor(must(t)(PersonJSON(personInput())))
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := p.Key(alice + "#main-key"); !ok || k.Owner != alice || k.PublicKeyPem != testPEM {
		t.Errorf("key %+v", k)
	}
	if !p.LDContext.HasContext(SecurityContext) || p.DeliveryInbox() != "https://cork.example/inbox" || !p.Discoverable || p.Icon.URL == "" {
		t.Errorf("person %+v", p)
	}
}

func hasMention(o *Object, href string) bool {
	for _, m := range o.Mentions() {
		if m.Href == href {
			return true
		}
	}
	return false
}
