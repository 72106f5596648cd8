package vocab

import "encoding/json"

// Tag is one entry of an object's "tag": a Mention (href = the actor, name
// = "@user@host"), a Hashtag (href = the tag page, name = "#tag") or an
// Emoji (name = ":code:", icon = the image).
type Tag struct {
	Type    string `json:"type"`
	ID      string `json:"id"`
	Href    string `json:"href"`
	Name    string `json:"name"`
	Icon    Icon   `json:"icon"`
	Updated Time   `json:"updated"`
}

// Tags unmarshals from one tag object or an array: GoToSocial, Fedify and
// Pixelfed send a single tag as a bare object. String entries (an IRI with
// no type) are dropped.
type Tags []Tag

// UnmarshalJSON implements json.Unmarshaler.
func (l *Tags) UnmarshalJSON(data []byte) error {
	v, err := oneOrMany(data, func(t *Tag) bool {
		return t.Type != "" || t.Href != "" || t.Name != ""
	})
	*l = v
	return err
}

// Icon is an image property of an actor or emoji (icon, image): an Image
// object, an array of them (the first is kept) or a bare URL.
type Icon struct {
	URL       MediaURL `json:"url"`
	MediaType string   `json:"mediaType"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (i *Icon) UnmarshalJSON(data []byte) error {
	*i = Icon{}
	if firstByte(data) != '[' {
		return i.set(data)
	}
	var elems []json.RawMessage
	if err := unmarshalLenient(data, &elems); err != nil {
		return err
	}
	for _, e := range elems {
		if err := i.set(e); err != nil || i.URL != "" {
			return err
		}
	}
	return nil
}

func (i *Icon) set(data []byte) error {
	switch firstByte(data) {
	case '"':
		s, _ := unquote(data)
		i.URL = MediaURL(s)
	case '{':
		type plain Icon
		return unmarshalLenient(data, (*plain)(i))
	}
	return nil
}
