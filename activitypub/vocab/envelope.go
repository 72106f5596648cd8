package vocab

import (
	"errors"
	"strings"
)

// Envelope is what the inbox needs of an activity before storing it: who
// sent it, what it is, and what it is about. Full decoding waits for the
// processing job, off the request path.
type Envelope struct {
	ID       string
	Type     string
	Actor    string // the actor's IRI (the id of an embedded actor)
	ObjectID string // the (first) object's IRI or embedded id; may be ""
}

// Errors ScanEnvelope returns besides malformed JSON.
var (
	ErrNoID    = errors.New("vocab: activity has no id")
	ErrNoType  = errors.New("vocab: activity has no type")
	ErrNoActor = errors.New("vocab: activity has no actor")
)

// ScanEnvelope reads an activity's top-level id, type, actor and object
// with the head scanner, without decoding the rest. Keys match the way
// encoding/json matches them (case-insensitively, last duplicate wins), and
// actor and object are read the way Ref reads them (a string, an object's
// id or href, or the first usable entry of an array), so the actor the
// inbox checks against the signature is the actor the full decode will
// see. Like scanHead it does not validate the JSON it skips.
func ScanEnvelope(data []byte) (Envelope, error) {
	var e Envelope
	err := walkMembers(data, func(key, value []byte) {
		k, ok := unquote(key)
		if !ok {
			return
		}
		switch {
		case strings.EqualFold(k, "id"):
			e.ID = stringValue(value, e.ID)
		case strings.EqualFold(k, "type"):
			e.Type = stringValue(value, e.Type)
		case strings.EqualFold(k, "actor"):
			e.Actor = refID(value)
		case strings.EqualFold(k, "object"):
			e.ObjectID = refID(value)
		}
	})
	switch {
	case err != nil:
		return Envelope{}, err
	case e.ID == "":
		return e, ErrNoID
	case e.Type == "":
		return e, ErrNoType
	case e.Actor == "":
		return e, ErrNoActor
	}
	return e, nil
}

// stringValue returns a JSON string's value; encoding/json leaves a string
// field unchanged when the value has another type, so keep the old one.
func stringValue(value []byte, old string) string {
	if firstByte(value) != '"' {
		return old
	}
	s, _ := unquote(value)
	return s
}

// refID returns the IRI a Ref would hold for value: a string, an object's
// id (or href), or the first non-empty entry of an array.
func refID(value []byte) string {
	switch firstByte(value) {
	case '"':
		s, _ := unquote(value)
		return s
	case '{':
		h, err := scanHead(value)
		if err != nil {
			return ""
		}
		if h.ID != "" {
			return h.ID
		}
		return h.Href
	case '[':
		// Ref keeps the first entry that is a non-empty string or any
		// object (even one without an id); do the same.
		id := ""
		_ = walkElements(value, func(elem []byte) bool {
			switch firstByte(elem) {
			case '"', '{':
				id = refID(elem)
				return id == "" && firstByte(elem) == '"'
			}
			return true
		})
		return id
	}
	return ""
}

// walkMembers calls fn with the raw key and value of each top-level member
// of a JSON object.
func walkMembers(data []byte, fn func(key, value []byte)) error {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return ErrNotJSONObject
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return nil
	}
	for i < len(data) {
		keyEnd := skipString(data, i)
		if keyEnd < 0 {
			return errMalformed
		}
		key := data[i:keyEnd]
		i = skipSpace(data, keyEnd)
		if i >= len(data) || data[i] != ':' {
			return errMalformed
		}
		i = skipSpace(data, i+1)
		end := skipValue(data, i)
		if end < 0 {
			return errMalformed
		}
		fn(key, data[i:end])
		if i = skipSpace(data, end); i < len(data) && data[i] == '}' {
			return nil
		}
		if i >= len(data) || data[i] != ',' {
			return errMalformed
		}
		i = skipSpace(data, i+1)
	}
	return errMalformed
}

// walkElements calls fn with each element of a JSON array until fn
// returns false.
func walkElements(data []byte, fn func(elem []byte) bool) error {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return errMalformed
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return nil
	}
	for i < len(data) {
		end := skipValue(data, i)
		if end < 0 {
			return errMalformed
		}
		if !fn(data[i:end]) {
			return nil
		}
		if i = skipSpace(data, end); i < len(data) && data[i] == ']' {
			return nil
		}
		if i >= len(data) || data[i] != ',' {
			return errMalformed
		}
		i = skipSpace(data, i+1)
	}
	return errMalformed
}

// ScanID reads a document's top-level id and type without decoding it
// (for the checks a fetch makes before trusting a document).
func ScanID(data []byte) (id, typ string, err error) {
	h, err := scanHead(data)
	return h.ID, h.Type, err
}
