package vocab

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Ref is a property that holds either an IRI or an embedded object, such as
// an activity's object (an IRI for Like, an embedded Note for Create, an
// embedded Follow for Undo) or its actor (Lemmy and some relays embed it).
type Ref struct {
	ID   string
	Type string          // set for embedded objects only
	Raw  json.RawMessage // the embedded object's JSON; nil for a bare IRI
}

// refHead is the part of an embedded object that a Ref reads eagerly (see
// scanHead).
type refHead struct {
	ID, Type, Href string
}

// UnmarshalJSON implements json.Unmarshaler. An array keeps its first entry
// (use Refs where several are expected).
func (r *Ref) UnmarshalJSON(data []byte) error {
	*r = Ref{}
	if firstByte(data) != '[' {
		return r.set(data)
	}
	var elems []json.RawMessage
	if err := unmarshalLenient(data, &elems); err != nil {
		return err
	}
	for _, e := range elems {
		if err := r.set(e); err != nil || !r.IsZero() {
			return err
		}
	}
	return nil
}

// set fills r from a string or an object; other JSON values leave it zero.
func (r *Ref) set(data []byte) error {
	switch firstByte(data) {
	case '"':
		r.ID, _ = unquote(data)
	case '{':
		h, err := scanHead(data)
		if err != nil {
			return err
		}
		r.ID, r.Type = h.ID, h.Type
		if r.ID == "" {
			r.ID = h.Href
		}
		r.Raw = append(json.RawMessage(nil), data...)
	}
	return nil
}

// IsZero reports whether the property was absent or unusable.
func (r Ref) IsZero() bool { return r.ID == "" && r.Raw == nil }

// IsEmbedded reports whether the value was an object rather than an IRI.
func (r Ref) IsEmbedded() bool { return r.Raw != nil }

// ErrNotEmbedded is returned when decoding a Ref that holds only an IRI:
// the caller has to dereference it.
var ErrNotEmbedded = errors.New("vocab: reference is an IRI, not an embedded object")

// Object decodes the embedded object as an Object.
func (r Ref) Object() (*Object, error) {
	if r.Raw == nil {
		return nil, ErrNotEmbedded
	}
	o, err := DecodeObject(r.Raw)
	if err != nil {
		return nil, fmt.Errorf("embedded %s %q: %w", r.Type, r.ID, err)
	}
	if err := r.check(o.ID); err != nil {
		return nil, err
	}
	return o, nil
}

// Activity decodes the embedded object as an Activity (Undo's Follow).
func (r Ref) Activity() (*Activity, error) {
	if r.Raw == nil {
		return nil, ErrNotEmbedded
	}
	a, err := DecodeActivity(r.Raw)
	if err != nil {
		return nil, fmt.Errorf("embedded %s %q: %w", r.Type, r.ID, err)
	}
	if err := r.check(a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

// Actor decodes the embedded object as an Actor (Update's Person).
func (r Ref) Actor() (*Actor, error) {
	if r.Raw == nil {
		return nil, ErrNotEmbedded
	}
	a, err := DecodeActor(r.Raw)
	if err != nil {
		return nil, fmt.Errorf("embedded %s %q: %w", r.Type, r.ID, err)
	}
	if err := r.check(a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

// errIDMismatch guards the origin checks callers make on Ref.ID: scanHead
// and encoding/json agree by construction, this makes sure of it.
var errIDMismatch = errors.New("vocab: embedded object id differs from its reference")

// check compares the decoded id with the reference's. An embedded Link has
// no id (Ref.ID is its href); its decoded id is then empty, which is safe.
func (r Ref) check(id string) error {
	if id != "" && id != r.ID {
		return fmt.Errorf("%w: %q vs %q", errIDMismatch, id, r.ID)
	}
	return nil
}

// Refs is a property with any number of IRIs or embedded objects
// (attributedTo, orderedItems, a Flag's object).
type Refs []Ref

// UnmarshalJSON implements json.Unmarshaler.
func (l *Refs) UnmarshalJSON(data []byte) error {
	refs, err := oneOrMany(data, func(r *Ref) bool { return !r.IsZero() })
	*l = refs
	return err
}

// First returns the first reference, or a zero Ref.
func (l Refs) First() Ref {
	if len(l) == 0 {
		return Ref{}
	}
	return l[0]
}

// IDs returns the id of every reference.
func (l Refs) IDs() []string {
	ids := make([]string, 0, len(l))
	for _, r := range l {
		if r.ID != "" {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
