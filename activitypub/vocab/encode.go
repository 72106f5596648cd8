package vocab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/go-fed/activity/streams"
	"github.com/go-fed/activity/streams/vocab"
)

// ErrInvalidInput is wrapped by every encoding error caused by the input
// (a missing id, a bad IRI, a direct message without mentions...).
var ErrInvalidInput = errors.New("vocab: invalid input")

// builder collects the first input error while a document is assembled, so
// the build functions read as a list of properties.
type builder struct{ err error }

func (b *builder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("%w: "+format, append([]any{ErrInvalidInput}, args...)...)
	}
}

// iri parses a required absolute http(s) IRI.
func (b *builder) iri(field, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		b.fail("%s: %q is not an absolute http(s) IRI", field, s)
		return &url.URL{}
	}
	return u
}

// iris parses a list of IRIs.
func (b *builder) iris(field string, ss []string) []*url.URL {
	out := make([]*url.URL, 0, len(ss))
	for _, s := range ss {
		out = append(out, b.iri(field, s))
	}
	return out
}

// document is a serialized go-fed type being adjusted before marshalling.
type document map[string]any

// serialize runs streams.Serialize and replaces the @context it builds:
// go-fed derives it from a Go map (random order, a bare Mastodon namespace
// URL that is not a context document), ours is fixed (encode_context.go).
func serialize(t vocab.Type) (document, error) {
	m, err := streams.Serialize(t)
	if err != nil {
		return nil, fmt.Errorf("vocab: serialize %s: %w", t.GetTypeName(), err)
	}
	m["@context"] = json.RawMessage(contextJSON)
	return document(m), nil
}

// arrays turns the named properties into JSON arrays (an absent one into
// []). go-fed writes a one-element property as a bare value; Pixelfed
// iterates tag and attachment as arrays and tests to/cc with is_array,
// Lemmy rejects single values where it expects arrays, and Mastodon and
// GoToSocial always send arrays for these.
func (d document) arrays(keys ...string) {
	for _, k := range keys {
		switch v := d[k].(type) {
		case nil:
			d[k] = []any{}
		case []any:
		default:
			d[k] = []any{v}
		}
	}
}

// appendTo appends values to an array property.
func (d document) appendTo(key string, vs ...any) {
	d.arrays(key)
	d[key] = append(d[key].([]any), vs...)
}

// setIRI sets an optional IRI-valued extension property.
func (d document) setIRI(b *builder, key, s string) {
	if s != "" {
		d[key] = b.iri(key, s).String()
	}
}

// marshal writes the document without HTML escaping: content is HTML, and
// \u003c noise helps no one.
func (d document) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any(d)); err != nil {
		return nil, fmt.Errorf("vocab: marshal: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// embed decodes an already-encoded document for embedding as a property
// value, without its @context (the outer document carries it).
func embed(b *builder, field string, raw json.RawMessage) map[string]any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep integers such as width exact
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil {
		b.fail("%s: not a JSON object: %v", field, err)
		return nil
	}
	if id, _ := m["id"].(string); id == "" {
		b.fail("%s: embedded object has no id", field)
	}
	delete(m, "@context")
	return m
}

func idProperty(u *url.URL) vocab.JSONLDIdProperty {
	p := streams.NewJSONLDIdProperty()
	p.Set(u)
	return p
}

func publishedProperty(t time.Time) vocab.ActivityStreamsPublishedProperty {
	p := streams.NewActivityStreamsPublishedProperty()
	p.Set(t.UTC())
	return p
}

func contentProperty(s string) vocab.ActivityStreamsContentProperty {
	p := streams.NewActivityStreamsContentProperty()
	p.AppendXMLSchemaString(s)
	return p
}

// toProperty and ccProperty return nil for an empty list: go-fed would
// write an empty property as [], which callers add only where they mean it.
func toProperty(us []*url.URL) vocab.ActivityStreamsToProperty {
	if len(us) == 0 {
		return nil
	}
	p := streams.NewActivityStreamsToProperty()
	for _, u := range us {
		p.AppendIRI(u)
	}
	return p
}

func ccProperty(us []*url.URL) vocab.ActivityStreamsCcProperty {
	if len(us) == 0 {
		return nil
	}
	p := streams.NewActivityStreamsCcProperty()
	for _, u := range us {
		p.AppendIRI(u)
	}
	return p
}

func attributedToProperty(u *url.URL) vocab.ActivityStreamsAttributedToProperty {
	p := streams.NewActivityStreamsAttributedToProperty()
	p.AppendIRI(u)
	return p
}
