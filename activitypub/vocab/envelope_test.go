package vocab

import (
	"errors"
	"testing"
)

// TestScanEnvelopeAgreesWithDecode checks, on every captured activity,
// that the inbox's fast scan sees the id, type, actor and object the full
// decode sees: the signer check made on the envelope must hold for what
// the worker processes.
func TestScanEnvelopeAgreesWithDecode(t *testing.T) {
	for _, path := range fixturePaths(t) {
		if expectedKind(path) != KindActivity {
			continue
		}
		t.Run(path, func(t *testing.T) {
			data := fixture(t, path)
			env, err := ScanEnvelope(data)
			if err != nil {
				t.Fatalf("ScanEnvelope: %v", err)
			}
			a, err := DecodeActivity(data)
			if err != nil {
				t.Fatal(err)
			}
			want := Envelope{ID: a.ID, Type: a.Type, Actor: a.Actor.ID, ObjectID: a.Object().ID}
			if env != want {
				t.Errorf("envelope %+v, decode %+v", env, want)
			}
		})
	}
}

func TestScanEnvelope(t *testing.T) {
	tests := []struct {
		name string
		json string
		want Envelope
		err  error
	}{
		{"plain", `{"id":"https://a/1","type":"Like","actor":"https://a/u","object":"https://b/p"}`,
			Envelope{"https://a/1", "Like", "https://a/u", "https://b/p"}, nil},
		{"embedded actor and object", `{"id":"i","type":"Create","actor":{"id":"https://a/u","type":"Person"},"object":{"type":"Note","id":"https://a/n"}}`,
			Envelope{"i", "Create", "https://a/u", "https://a/n"}, nil},
		{"Flag object array", `{"id":"i","type":"Flag","actor":"a","object":["https://b/u","https://b/p"]}`,
			Envelope{"i", "Flag", "a", "https://b/u"}, nil},
		{"array skips empty strings", `{"id":"i","type":"Like","actor":["","a"],"object":[1,"o"]}`,
			Envelope{"i", "Like", "a", "o"}, nil},
		{"array stops at an object without id", `{"id":"i","type":"Like","actor":[{"type":"Person"},"a"]}`,
			Envelope{"i", "Like", "", ""}, ErrNoActor},
		{"last duplicate wins", `{"id":"i","type":"Like","actor":"https://evil/u","actor":"https://a/u"}`,
			Envelope{"i", "Like", "https://a/u", ""}, nil},
		{"keys match case-insensitively", `{"ID":"i","Type":"Like","ACTOR":"a"}`,
			Envelope{"i", "Like", "a", ""}, nil},
		{"non-string id keeps the earlier one", `{"id":"i","id":5,"type":"Like","actor":"a"}`,
			Envelope{"i", "Like", "a", ""}, nil},
		{"escaped strings", `{"id":"i\u0041","type":"Like","actor":"a\/b"}`,
			Envelope{"iA", "Like", "a/b", ""}, nil},
		{"no id", `{"type":"Like","actor":"a"}`, Envelope{"", "Like", "a", ""}, ErrNoID},
		{"no actor", `{"id":"i","type":"Like"}`, Envelope{"i", "Like", "", ""}, ErrNoActor},
		{"no type", `{"id":"i","actor":"a"}`, Envelope{"i", "", "a", ""}, ErrNoType},
		{"not an object", `["id"]`, Envelope{}, ErrNotJSONObject},
		{"truncated", `{"id":"i","type":"Like","actor":"a"`, Envelope{}, errMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ScanEnvelope([]byte(tt.json))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// FuzzScanEnvelope checks that the scan never disagrees with the full
// decode on the actor, whatever the input.
func FuzzScanEnvelope(f *testing.F) {
	f.Add(`{"id":"i","type":"Like","actor":"a","object":"o"}`)
	f.Add(`{"id":"i","type":"Create","actor":[{"id":"a"}],"object":{"href":"o"}}`)
	f.Add(`{"actor":"a","Actor":"b","ACTOR":{"id":"c"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		env, err := ScanEnvelope([]byte(s))
		if err != nil {
			return
		}
		a, err := DecodeActivity([]byte(s))
		if err != nil {
			return // invalid JSON the scan did not validate
		}
		if a.Actor.ID != env.Actor || a.ID != env.ID || a.Object().ID != env.ObjectID {
			t.Fatalf("scan %+v, decode id %q actor %q object %q", env, a.ID, a.Actor.ID, a.Object().ID)
		}
	})
}

// BenchmarkScanEnvelope is the inbox's parse stage on a 3.8 KB Create.
func BenchmarkScanEnvelope(b *testing.B) {
	data := fixture(b, benchCreate)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ScanEnvelope(data); err != nil {
			b.Fatal(err)
		}
	}
}
