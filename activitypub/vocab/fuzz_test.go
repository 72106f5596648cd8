package vocab

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode checks that Decode and the accessors a handler would call
// never panic, and that the head scanner agrees with encoding/json about a
// document's id and type. Seeded with every fixture and raw POST body.
func FuzzDecode(f *testing.F) {
	for _, p := range fixturePaths(f) {
		f.Add(fixture(f, p))
	}
	for _, body := range rawBodies(f) {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkHeadAgrees(t, data)
		doc, err := Decode(data)
		if err != nil {
			return
		}
		switch {
		case doc.Activity != nil:
			exerciseActivity(doc.Activity, 0)
		case doc.Object != nil:
			exerciseObject(doc.Object)
		case doc.Actor != nil:
			doc.Actor.Key(doc.Actor.ID)
			doc.Actor.LDContext.HasContext(SecurityContext)
		case doc.Collection != nil:
			for _, r := range doc.Collection.All() {
				r.Object()
			}
		}
	})
}

func checkHeadAgrees(t *testing.T, data []byte) {
	if firstByte(data) != '{' || !json.Valid(data) {
		return
	}
	var want struct {
		ID   string `json:"id"`
		Type string `json:"type"`
	}
	if err := unmarshalLenient(data, &want); err != nil {
		return
	}
	got, err := scanHead(data)
	if err != nil {
		t.Fatalf("scanHead failed on valid JSON: %v", err)
	}
	if got.ID != want.ID || got.Type != want.Type {
		t.Fatalf("scanHead id/type %q/%q, encoding/json %q/%q", got.ID, got.Type, want.ID, want.Type)
	}
}

func exerciseActivity(a *Activity, depth int) {
	a.Recipients()
	a.LDContext.HasContext(ActivityStreamsContext)
	if depth > 2 {
		return
	}
	for _, r := range a.Objects {
		if o, err := r.Object(); err == nil {
			exerciseObject(o)
		}
		if inner, err := r.Activity(); err == nil {
			exerciseActivity(inner, depth+1)
		}
		r.Actor()
	}
}

func exerciseObject(o *Object) {
	o.Author()
	o.Mentions()
	o.Hashtags()
	IsPublic(o.Recipients())
	for _, a := range o.Images() {
		a.AltText()
		a.Focus()
	}
}

// rawBodies returns the exact bytes of the POSTs the recording stub got.
func rawBodies(tb testing.TB) [][]byte {
	tb.Helper()
	f, err := os.Open(filepath.Join(fixtureDir, "_raw", "stub-requests.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var bodies [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Method, Body string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Method == "POST" && rec.Body != "" {
			bodies = append(bodies, []byte(rec.Body))
		}
	}
	return bodies
}
