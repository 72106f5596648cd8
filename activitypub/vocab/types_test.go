package vocab

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestTolerantTypes decodes the shapes seen in the wild for each tolerant
// property type.
func TestTolerantTypes(t *testing.T) {
	tests := []struct {
		name string
		json string
		into func() any // returns a pointer to decode into
		want any        // the dereferenced value
	}{
		{"IRIs string", `"a"`, func() any { return new(IRIs) }, IRIs{"a"}},
		{"IRIs array", `["a","b"]`, func() any { return new(IRIs) }, IRIs{"a", "b"}},
		{"IRIs empty array", `[]`, func() any { return new(IRIs) }, IRIs(nil)},
		{"IRIs null", `null`, func() any { return new(IRIs) }, IRIs(nil)},
		{"IRIs object", `{"id":"a","type":"Person"}`, func() any { return new(IRIs) }, IRIs{"a"}},
		{"IRIs link", `{"type":"Link","href":"a"}`, func() any { return new(IRIs) }, IRIs{"a"}},
		{"IRIs mixed", `["a",{"id":"b"},{"href":"c"},7,null,""]`, func() any { return new(IRIs) }, IRIs{"a", "b", "c"}},
		{"IRIs number", `7`, func() any { return new(IRIs) }, IRIs(nil)},
		{"IRIs escaped", `"a\u0026b"`, func() any { return new(IRIs) }, IRIs{"a&b"}},
		{"IRI array keeps first", `[{"id":"a"},"b"]`, func() any { return new(IRI) }, IRI("a")},
		{"IRI nested arrays ignored", `[["a"]]`, func() any { return new(IRI) }, IRI("")},
		{"URL string", `"a"`, func() any { return new(URL) }, URL("a")},
		{"URL link", `{"type":"Link","href":"a","mediaType":"text/html"}`, func() any { return new(URL) }, URL("a")},
		{"URL prefers html", `[{"href":"v.mp4","mediaType":"video/mp4"},{"href":"page","mediaType":"text/html; charset=utf-8"}]`, func() any { return new(URL) }, URL("page")},
		{"URL untyped link is html", `[{"href":"v.mp4","mediaType":"video/mp4"},{"href":"page"}]`, func() any { return new(URL) }, URL("page")},
		{"URL falls back to first", `[{"href":"v.mp4","mediaType":"video/mp4"}]`, func() any { return new(URL) }, URL("v.mp4")},
		{"URL mastodon mimeType", `[{"href":"v","mimeType":"video/mp4"},{"href":"p","mimeType":"text/html"}]`, func() any { return new(URL) }, URL("p")},
		{"MediaURL skips page", `[{"href":"page","mediaType":"text/html"},{"href":"a.png","mediaType":"image/png"}]`, func() any { return new(MediaURL) }, MediaURL("a.png")},
		{"MediaURL string array", `["a.png"]`, func() any { return new(MediaURL) }, MediaURL("a.png")},
		{"Ref IRI", `"a"`, func() any { return new(Ref) }, Ref{ID: "a"}},
		{"Ref object", `{"id":"a","type":"Note"}`, func() any { return new(Ref) }, Ref{ID: "a", Type: "Note", Raw: json.RawMessage(`{"id":"a","type":"Note"}`)}},
		{"Ref case-insensitive duplicate id", `{"id":"a","ID":"b","Type":"Note"}`, func() any { return new(Ref) }, Ref{ID: "b", Type: "Note", Raw: json.RawMessage(`{"id":"a","ID":"b","Type":"Note"}`)}},
		{"Ref null", `null`, func() any { return new(Ref) }, Ref{}},
		{"Ref array first", `["a","b"]`, func() any { return new(Ref) }, Ref{ID: "a"}},
		{"Refs single", `"a"`, func() any { return new(Refs) }, Refs{{ID: "a"}}},
		{"Refs drops junk", `["a",1,null,{"id":"b"}]`, func() any { return new(Refs) }, Refs{{ID: "a"}, {ID: "b", Raw: json.RawMessage(`{"id":"b"}`)}}},
		{"Tags single", `{"type":"Mention","href":"a","name":"@a"}`, func() any { return new(Tags) }, Tags{{Type: "Mention", Href: "a", Name: "@a"}}},
		{"Tags with string", `["x",{"type":"Hashtag","name":"#t"}]`, func() any { return new(Tags) }, Tags{{Type: "Hashtag", Name: "#t"}}},
		{"Attachments single", `{"type":"Image","url":"a"}`, func() any { return new(Attachments) }, Attachments{{Type: "Image", URL: "a"}}},
		{"Attachments empty", `[]`, func() any { return new(Attachments) }, Attachments(nil)},
		{"Attachment float width dropped", `[{"type":"Image","url":"a","width":10.5,"height":3}]`, func() any { return new(Attachments) }, Attachments{{Type: "Image", URL: "a", Height: 3}}},
		{"Icon array", `[{"url":"a"},{"url":"b"}]`, func() any { return new(Icon) }, Icon{URL: "a"}},
		{"Icon string", `"a"`, func() any { return new(Icon) }, Icon{URL: "a"}},
		{"PublicKeys IRI", `"k"`, func() any { return new(PublicKeys) }, PublicKeys{{ID: "k"}}},
		{"PublicKeys array", `[{"id":"k1","owner":"o"},{"id":"k2"}]`, func() any { return new(PublicKeys) }, PublicKeys{{ID: "k1", Owner: "o"}, {ID: "k2"}}},
		{"Time nanos", `"2026-11-26T03:13:47.192827183Z"`, func() any { return new(Time) }, Time{time.Date(2026, 11, 26, 3, 13, 47, 192827183, time.UTC)}},
		{"Time offset", `"2021-10-29T15:31:56.058289+00:00"`, func() any { return new(Time) }, Time{time.Date(2021, 10, 29, 15, 31, 56, 58289000, time.UTC)}},
		{"Time no zone", `"2021-10-29T15:31:56"`, func() any { return new(Time) }, Time{time.Date(2021, 10, 29, 15, 31, 56, 0, time.UTC)}},
		{"Time garbage", `"yesterday"`, func() any { return new(Time) }, Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.into()
			if err := json.Unmarshal([]byte(tt.json), p); err != nil {
				t.Fatalf("unmarshal: %v", err)
			}
			got := reflect.ValueOf(p).Elem().Interface()
			if tm, ok := got.(Time); ok {
				if !tm.Equal(tt.want.(Time).Time) {
					t.Errorf("got %v, want %v", tm, tt.want)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestIsPublic(t *testing.T) {
	for _, s := range []string{PublicCollection, "as:Public", "Public"} {
		if !IsPublic(IRIs{"x", s}) {
			t.Errorf("%q not public", s)
		}
	}
	if IsPublic(IRIs{"https://www.w3.org/ns/activitystreams#Publicx", "http://a/followers"}) {
		t.Error("lookalike counted as public")
	}
}

func TestHasContext(t *testing.T) {
	tests := []struct {
		ctx  string
		want bool
	}{
		{`"https://w3id.org/security/v1"`, true},
		{`["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1",{"a":"b"}]`, true},
		{`["https://www.w3.org/ns/activitystreams",{"https://w3id.org/security/v1":"x"}]`, false},
		{`"https://www.w3.org/ns/activitystreams"`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := LDContext(tt.ctx).HasContext(SecurityContext); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.ctx, got, tt.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, in := range []string{``, `[]`, `"Note"`, `{"type":"Note"`, `{"type":"Foo","x":tru}`, `{"type":"Note","id":}`} {
		if _, err := Decode([]byte(in)); err == nil {
			t.Errorf("Decode(%q): no error", in)
		}
	}
	d, err := Decode([]byte(`{"type":"EmojiReact2","id":"x"}`))
	if err != nil || d.Kind != KindUnknown || d.Type != "EmojiReact2" {
		t.Errorf("unknown type: %+v %v", d, err)
	}
	// A field of the wrong JSON type is dropped, not fatal.
	d, err = Decode([]byte(`{"type":"Note","id":"x","content":7,"sensitive":"yes","to":5}`))
	if err != nil || d.Object.ID != "x" || d.Object.Content != "" {
		t.Errorf("lenient: %+v %v", d, err)
	}
}

// TestRefIDMatchesDecode checks that the id a Ref reports is the id the
// full decode sees, so origin checks made on Ref.ID cannot be bypassed with
// duplicate or differently-cased keys.
func TestRefIDMatchesDecode(t *testing.T) {
	for _, obj := range []string{
		`{"id":"https://a/1","ID":"https://evil/1","type":"Note"}`,
		`{"iD":"https://evil/1","id":"https://a/1","type":"Note"}`,
		`{"id":"https://a/1","id":7,"type":"Note"}`,
		`{"i\u0064":"https://evil/1","type":"Note"}`,
		`{"id":"https://a/\u00e9","type":"Note"}`,
	} {
		var r Ref
		if err := json.Unmarshal([]byte(obj), &r); err != nil {
			t.Fatal(err)
		}
		o, err := r.Object()
		if err != nil {
			t.Fatalf("%s: %v", obj, err)
		}
		if o.ID != r.ID {
			t.Errorf("%s: ref %q, decoded %q", obj, r.ID, o.ID)
		}
	}
}

// TestHostileNesting feeds deeply nested values to every tolerant property:
// none may recurse into them (each level would re-scan its subtree).
func TestHostileNesting(t *testing.T) {
	deep := strings.Repeat("[", 9000) + strings.Repeat("]", 9000)
	deepObj := strings.Repeat(`{"id":`, 3000) + `"x"` + strings.Repeat("}", 3000)
	for _, field := range []string{"to", "object", "actor", "tag", "attachment", "url", "inReplyTo", "attributedTo", "@context"} {
		for _, v := range []string{deep, deepObj} {
			doc := `{"type":"Create","id":"https://a/1","` + field + `":` + v + `}`
			start := time.Now()
			d, err := Decode([]byte(doc))
			if err == nil && d.Activity != nil {
				d.Activity.Object().Object()
			}
			if el := time.Since(start); el > time.Second {
				t.Errorf("%s: %v", field, el)
			}
		}
	}
}
