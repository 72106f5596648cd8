package vocab

import (
	"encoding/json"
	"time"

	"github.com/go-fed/activity/streams"
	"github.com/go-fed/activity/streams/vocab"
)

// ActivityInput is an activity we send. Its object is exactly one of
// Object (an IRI), ObjectJSON (an embedded document) or Objects (several
// IRIs, for Flag).
type ActivityInput struct {
	ID    string
	Type  string // Create, Update, Delete, Follow, Accept, Reject, Undo, Like, Announce, Block, Flag, Add, Remove
	Actor string
	// Object is the object's IRI (Follow, Like, Announce, Delete...).
	Object string
	// ObjectJSON is a document to embed: our Note for Create/Update, our
	// Follow for Undo, the received Follow for Accept. Its @context is
	// dropped; the activity's applies.
	ObjectJSON json.RawMessage
	// Objects are several object IRIs: a Flag's reported actor and posts.
	Objects   []string
	Target    string // Add/Remove: the collection
	To        []string
	Cc        []string
	Published time.Time
	Content   string // a Flag's comment
}

// activityType is what every go-fed activity type offers.
type activityType interface {
	vocab.Type
	SetActivityStreamsActor(vocab.ActivityStreamsActorProperty)
	SetActivityStreamsObject(vocab.ActivityStreamsObjectProperty)
	SetActivityStreamsTarget(vocab.ActivityStreamsTargetProperty)
	SetActivityStreamsTo(vocab.ActivityStreamsToProperty)
	SetActivityStreamsCc(vocab.ActivityStreamsCcProperty)
	SetActivityStreamsPublished(vocab.ActivityStreamsPublishedProperty)
	SetActivityStreamsContent(vocab.ActivityStreamsContentProperty)
}

// newActivity returns an empty go-fed activity of the given type.
func newActivity(typ string) activityType {
	switch typ {
	case "Create":
		return streams.NewActivityStreamsCreate()
	case "Update":
		return streams.NewActivityStreamsUpdate()
	case "Delete":
		return streams.NewActivityStreamsDelete()
	case "Follow":
		return streams.NewActivityStreamsFollow()
	case "Accept":
		return streams.NewActivityStreamsAccept()
	case "Reject":
		return streams.NewActivityStreamsReject()
	case "Undo":
		return streams.NewActivityStreamsUndo()
	case "Like":
		return streams.NewActivityStreamsLike()
	case "Announce":
		return streams.NewActivityStreamsAnnounce()
	case "Block":
		return streams.NewActivityStreamsBlock()
	case "Flag":
		return streams.NewActivityStreamsFlag()
	case "Add":
		return streams.NewActivityStreamsAdd()
	case "Remove":
		return streams.NewActivityStreamsRemove()
	}
	return nil
}

// ActivityJSON returns an activity document.
func ActivityJSON(in ActivityInput) ([]byte, error) {
	var b builder
	a := newActivity(in.Type)
	if a == nil {
		b.fail("activity %q: unsupported type %q", in.ID, in.Type)
		return nil, b.err
	}
	a.SetJSONLDId(idProperty(b.iri("id", in.ID)))
	actor := streams.NewActivityStreamsActorProperty()
	actor.AppendIRI(b.iri("actor", in.Actor))
	a.SetActivityStreamsActor(actor)
	a.SetActivityStreamsObject(objectProperty(&b, in))
	if in.Target != "" {
		target := streams.NewActivityStreamsTargetProperty()
		target.AppendIRI(b.iri("target", in.Target))
		a.SetActivityStreamsTarget(target)
	}
	a.SetActivityStreamsTo(toProperty(b.iris("to", in.To)))
	a.SetActivityStreamsCc(ccProperty(b.iris("cc", in.Cc)))
	if !in.Published.IsZero() {
		a.SetActivityStreamsPublished(publishedProperty(in.Published))
	}
	if in.Content != "" {
		a.SetActivityStreamsContent(contentProperty(in.Content))
	}
	var embedded map[string]any
	if in.ObjectJSON != nil {
		embedded = embed(&b, "object", in.ObjectJSON)
	}
	if b.err != nil {
		return nil, b.err
	}
	d, err := serialize(a)
	if err != nil {
		return nil, err
	}
	if embedded != nil {
		d["object"] = embedded
	}
	if len(in.Objects) > 0 {
		d.arrays("object") // a Flag's object stays an array even with one entry
	}
	addressing(d, in)
	return d.marshal()
}

// objectProperty holds the object IRIs; an embedded object is put into the
// serialized map afterwards (re-parsing our own JSON into go-fed types would
// cost more and could drop our extension properties).
func objectProperty(b *builder, in ActivityInput) vocab.ActivityStreamsObjectProperty {
	forms := 0
	for _, set := range []bool{in.Object != "", in.ObjectJSON != nil, len(in.Objects) > 0} {
		if set {
			forms++
		}
	}
	if forms != 1 {
		b.fail("activity %q: want exactly one of Object, ObjectJSON, Objects", in.ID)
	}
	p := streams.NewActivityStreamsObjectProperty()
	if in.Object != "" {
		p.AppendIRI(b.iri("object", in.Object))
	}
	for _, u := range b.iris("object", in.Objects) {
		p.AppendIRI(u)
	}
	return p
}

// addressing writes to and cc as arrays. Activities that carry content
// always have both (Mastodon does the same; Pixelfed tests them with
// is_array); others only when they address someone.
func addressing(d document, in ActivityInput) {
	switch in.Type {
	case "Create", "Update", "Announce", "Delete":
		d.arrays("to", "cc")
		return
	}
	if len(in.To) > 0 {
		d.arrays("to")
	}
	if len(in.Cc) > 0 {
		d.arrays("cc")
	}
}
