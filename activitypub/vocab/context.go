package vocab

import "encoding/json"

// Well-known JSON-LD context documents.
const (
	ActivityStreamsContext = "https://www.w3.org/ns/activitystreams"
	SecurityContext        = "https://w3id.org/security/v1"
)

// LDContext is a document's raw "@context". Decoding never needs it: like
// Mastodon and GoToSocial we read compacted property names as they appear.
// It is kept for the checks that do care, such as whether "publicKey" was
// defined (Fedify, a real JSON-LD processor, drops it when the security
// context is missing, so a key we publish there must come with it).
type LDContext json.RawMessage

// UnmarshalJSON implements json.Unmarshaler; it copies the raw value.
func (c *LDContext) UnmarshalJSON(data []byte) error {
	*c = append((*c)[:0], data...)
	return nil
}

// HasContext reports whether the context includes the document IRI url,
// either as the whole context or as an entry of a context array. Inline
// term definitions (objects) are not searched.
func (c LDContext) HasContext(url string) bool {
	switch firstByte(c) {
	case '"':
		s, _ := unquote(c)
		return s == url
	case '[':
		var entries []json.RawMessage
		if json.Unmarshal(c, &entries) != nil {
			return false
		}
		for _, e := range entries {
			if firstByte(e) != '"' {
				continue
			}
			if s, _ := unquote(e); s == url {
				return true
			}
		}
	}
	return false
}
