package vocab

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixtures decodes every captured payload and records a summary of each
// in testdata/golden/fixtures.jsonl. The expected kind comes from the
// file's name, so a wrong classification fails even after -update.
func TestFixtures(t *testing.T) {
	var out bytes.Buffer
	for _, path := range fixturePaths(t) {
		t.Run(path, func(t *testing.T) {
			doc, err := Decode(fixture(t, path))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if want := expectedKind(path); doc.Kind != want {
				t.Errorf("kind = %v (type %q), want %v", doc.Kind, doc.Type, want)
			}
			s, err := summarize(doc)
			if err != nil {
				t.Fatalf("embedded object: %v", err)
			}
			enc := json.NewEncoder(&out)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(struct {
				File string `json:"file"`
				summary
			}{path, s}); err != nil {
				t.Fatal(err)
			}
		})
	}
	golden(t, "fixtures.jsonl", out.Bytes())
}

// expectedKind derives the kind from the fixture naming scheme.
func expectedKind(path string) Kind {
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "nodeinfo"), strings.HasPrefix(base, "webfinger"):
		return KindUnknown
	case strings.HasPrefix(base, "actor-"):
		return KindActor
	case strings.HasPrefix(base, "collection-"):
		return KindCollection
	case strings.HasPrefix(base, "object-"), strings.HasPrefix(base, "note-"):
		return KindObject
	}
	return KindActivity
}

// TestRawPostBodies decodes the exact bytes of every POST the recording stub
// received (the pretty-printed fixtures are re-indented copies).
func TestRawPostBodies(t *testing.T) {
	bodies := rawBodies(t)
	if len(bodies) == 0 {
		t.Fatal("no POST bodies found")
	}
	for i, body := range bodies {
		doc, err := Decode(body)
		if err != nil {
			t.Errorf("POST #%d: %v", i, err)
			continue
		}
		if doc.Kind != KindActivity || doc.Activity.ID == "" || doc.Activity.Actor.ID == "" {
			t.Errorf("POST #%d: kind %v, want an activity with id and actor", i, doc.Kind)
		}
	}
}
