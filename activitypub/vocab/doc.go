// Package vocab is Corkboard's ActivityStreams 2.0 vocabulary: tolerant
// decoding of documents other servers send us, and encoding of the documents
// we publish.
//
// Decoding runs on the inbox hot path, so it uses encoding/json into plain
// structs, several times cheaper than go-fed's streams.ToType (see
// BenchmarkDecodeCreateNote and BenchmarkStreamsToType). Every property
// that real servers compact or expand differently has a tolerant type: IRIs
// (string, object or array), Ref (IRI or embedded object), Tags and
// Attachments (one object or an array), URL (string, Link or array of Links).
// A property whose JSON shape is not understood is left at its zero value
// rather than failing the whole document; only malformed JSON is an error.
// Callers must still validate what they rely on (a non-empty id, an actor).
//
// Encoding builds documents with go-fed's streams package, then adjusts the
// serialized map where go-fed's output trips other servers (see encode.go):
// a fixed @context, arrays where Pixelfed and Lemmy want arrays, and the
// properties go-fed has no vocabulary for. streams.Serialize costs about
// eight times a struct marshal (BenchmarkNoteJSON vs
// BenchmarkNoteStructMarshal), so callers should cache the bytes of
// documents they serve often (actors, pins) and invalidate them on change.
//
// Corkboard's own properties live under the Namespace IRI; NAMESPACE.md in
// this directory defines them.
package vocab
