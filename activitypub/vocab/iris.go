package vocab

import "encoding/json"

// PublicCollection is the special "everyone" audience of ActivityStreams.
const PublicCollection = "https://www.w3.org/ns/activitystreams#Public"

// IRIs is a list of IRIs from an addressing-style property (to, cc, bto,
// bcc, audience). It unmarshals from a string, an object with "id" or
// "href", or an array of either: GoToSocial and Fedify send one recipient as
// a bare string, Mastodon always sends an array (even "cc": []).
type IRIs []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *IRIs) UnmarshalJSON(data []byte) error {
	*l = nil
	switch firstByte(data) {
	case '"':
		if s, ok := unquote(data); ok && s != "" {
			*l = IRIs{s}
		}
	case '{':
		if s := idOrHref(data); s != "" {
			*l = IRIs{s}
		}
	case '[':
		var plain []string
		if json.Unmarshal(data, &plain) == nil {
			*l = nonEmpty(plain)
			return nil
		}
		// Mixed array: strings and objects (Links, embedded actors).
		var items []json.RawMessage
		if err := unmarshalLenient(data, &items); err != nil {
			return err
		}
		for _, it := range items {
			if s := iriOf(it); s != "" {
				*l = append(*l, s)
			}
		}
	}
	return nil
}

// Contains reports whether iri is in the list.
func (l IRIs) Contains(iri string) bool {
	for _, s := range l {
		if s == iri {
			return true
		}
	}
	return false
}

// First returns the first IRI, or "".
func (l IRIs) First() string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// IsPublic reports whether the list addresses the public collection. JSON-LD
// compaction lets servers write it as the full IRI, "as:Public" or "Public"
// (all three mean the same node).
func IsPublic(l IRIs) bool {
	for _, s := range l {
		switch s {
		case PublicCollection, "as:Public", "Public":
			return true
		}
	}
	return false
}

// IRI is a single IRI-valued property (inReplyTo, inbox, first, ...). It
// unmarshals from a string, an object with "id" or "href", or an array, of
// which it keeps the first entry.
type IRI string

// UnmarshalJSON implements json.Unmarshaler.
func (i *IRI) UnmarshalJSON(data []byte) error {
	*i = ""
	if firstByte(data) != '[' {
		*i = IRI(iriOf(data))
		return nil
	}
	var items []json.RawMessage
	if err := unmarshalLenient(data, &items); err != nil {
		return err
	}
	for _, it := range items {
		if s := iriOf(it); s != "" {
			*i = IRI(s)
			break
		}
	}
	return nil
}

// iriOf returns the IRI a string or an object stands for. It never recurses
// into nested arrays, so hostile nesting costs one scan per level at most.
func iriOf(data []byte) string {
	switch firstByte(data) {
	case '"':
		s, _ := unquote(data)
		return s
	case '{':
		return idOrHref(data)
	}
	return ""
}

// idOrHref returns an object's "id", or its "href" when it is a Link.
func idOrHref(data []byte) string {
	var o struct {
		ID   string `json:"id"`
		Href string `json:"href"`
	}
	if unmarshalLenient(data, &o) != nil {
		return ""
	}
	if o.ID != "" {
		return o.ID
	}
	return o.Href
}

func nonEmpty(l []string) IRIs {
	out := l[:0]
	for _, s := range l {
		if s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return IRIs(out)
}
