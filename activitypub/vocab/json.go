package vocab

import (
	"bytes"
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// unmarshalLenient is json.Unmarshal that accepts values of an unexpected
// JSON type: encoding/json then skips just that field and fills the rest, so
// one odd property (a numeric "name", a string "width") does not cost us the
// whole activity. Syntax errors still fail.
func unmarshalLenient(data []byte, v any) error {
	err := json.Unmarshal(data, v)
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return nil
	}
	return err
}

// firstByte returns the first non-space byte of a JSON value, or 0.
func firstByte(data []byte) byte {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// unquote decodes a JSON string. The fast path avoids encoding/json for the
// common case of a string without escapes (nearly every IRI).
func unquote(data []byte) (string, bool) {
	data = bytes.TrimSpace(data)
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return "", false
	}
	inner := data[1 : len(data)-1]
	if bytes.IndexByte(inner, '\\') < 0 && bytes.IndexByte(inner, '"') < 0 && utf8.Valid(inner) && !hasControl(inner) {
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return "", false
	}
	return s, true
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// oneOrMany decodes a property that servers send either as a single value
// or as an array of values (JSON-LD compaction turns one-element arrays into
// the element). Elements that do not fit T are left zero by encoding/json;
// keep filters them out.
func oneOrMany[T any](data []byte, keep func(*T) bool) ([]T, error) {
	var out []T
	switch firstByte(data) {
	case 'n':
		return nil, nil
	case '[':
		if err := unmarshalLenient(data, &out); err != nil {
			return nil, err
		}
	default:
		var one T
		// Call a custom unmarshaler directly: json.Unmarshal would first
		// re-validate the bytes the outer decode has already validated.
		var err error
		if u, ok := any(&one).(json.Unmarshaler); ok {
			err = u.UnmarshalJSON(data)
		} else {
			err = unmarshalLenient(data, &one)
		}
		if err != nil {
			return nil, err
		}
		out = []T{one}
	}
	kept := out[:0]
	for i := range out {
		if keep(&out[i]) {
			kept = append(kept, out[i])
		}
	}
	if len(kept) == 0 {
		return nil, nil
	}
	return kept, nil
}
