package vocab

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Kind is the family of an ActivityStreams type, which decides the struct a
// document decodes into.
type Kind int

// The kinds Decode distinguishes.
const (
	KindUnknown Kind = iota // no type, or one we do not model (NodeInfo, WebFinger, EmojiReact...)
	KindActivity
	KindObject
	KindActor
	KindCollection
)

func (k Kind) String() string {
	switch k {
	case KindActivity:
		return "activity"
	case KindObject:
		return "object"
	case KindActor:
		return "actor"
	case KindCollection:
		return "collection"
	}
	return "unknown"
}

// KindOf returns the kind of an ActivityStreams type name. Question is an
// object here: servers send polls as objects of Create, not as activities.
func KindOf(typ string) Kind {
	switch typ {
	case "Accept", "Add", "Announce", "Arrive", "Block", "Create", "Delete",
		"Dislike", "Flag", "Follow", "Ignore", "Invite", "Join", "Leave",
		"Like", "Listen", "Move", "Offer", "Read", "Reject", "Remove",
		"TentativeAccept", "TentativeReject", "Travel", "Undo", "Update",
		"View", "EmojiReact", "LikeRequest", "ReplyRequest", "AnnounceRequest",
		"QuoteRequest":
		return KindActivity
	case "Note", "Question", "Page", "Article", "ChatMessage", "Image",
		"Video", "Audio", "Document", "Event", "Tombstone":
		return KindObject
	case "Person", "Group", "Service", "Application", "Organization":
		return KindActor
	case "Collection", "OrderedCollection", "CollectionPage", "OrderedCollectionPage":
		return KindCollection
	}
	return KindUnknown
}

// Document is a decoded document: exactly one of the pointers is set, as
// Kind says, or none for KindUnknown.
type Document struct {
	Kind       Kind
	Type       string
	Activity   *Activity
	Object     *Object
	Actor      *Actor
	Collection *Collection
}

// ErrNotJSONObject is returned for input that is not a JSON object.
var ErrNotJSONObject = errors.New("vocab: not a JSON object")

// Decode reads the document's type and decodes it into the matching struct.
// A well-formed object of a type we do not model is not an error: it comes
// back as KindUnknown with its Type, for the caller to ignore or log.
func Decode(data []byte) (*Document, error) {
	head, err := scanHead(data)
	if err != nil {
		return nil, fmt.Errorf("vocab: decode: %w", err)
	}
	doc := &Document{Kind: KindOf(head.Type), Type: head.Type}
	switch doc.Kind {
	case KindUnknown:
		// scanHead does not validate what it skips; the typed decodes do.
		if !json.Valid(data) {
			return nil, fmt.Errorf("vocab: decode: %w", errMalformed)
		}
	case KindActivity:
		doc.Activity, err = DecodeActivity(data)
	case KindObject:
		doc.Object, err = DecodeObject(data)
	case KindActor:
		doc.Actor, err = DecodeActor(data)
	case KindCollection:
		doc.Collection, err = DecodeCollection(data)
	}
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// DecodeActivity decodes data as an Activity, whatever its type says.
func DecodeActivity(data []byte) (*Activity, error) {
	a := new(Activity)
	if err := decodeInto(data, a); err != nil {
		return nil, err
	}
	return a, nil
}

// DecodeObject decodes data as an Object, whatever its type says.
func DecodeObject(data []byte) (*Object, error) {
	o := new(Object)
	if err := decodeInto(data, o); err != nil {
		return nil, err
	}
	return o, nil
}

// DecodeActor decodes data as an Actor, whatever its type says.
func DecodeActor(data []byte) (*Actor, error) {
	a := new(Actor)
	if err := decodeInto(data, a); err != nil {
		return nil, err
	}
	return a, nil
}

// DecodeCollection decodes data as a Collection, whatever its type says.
func DecodeCollection(data []byte) (*Collection, error) {
	c := new(Collection)
	if err := decodeInto(data, c); err != nil {
		return nil, err
	}
	return c, nil
}

func decodeInto(data []byte, v any) error {
	if firstByte(data) != '{' {
		return ErrNotJSONObject
	}
	if err := unmarshalLenient(data, v); err != nil {
		return fmt.Errorf("vocab: decode: %w", err)
	}
	return nil
}
