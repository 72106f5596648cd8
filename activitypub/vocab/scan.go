package vocab

import (
	"errors"
	"strings"
)

// errMalformed reports JSON the head scanner cannot walk.
var errMalformed = errors.New("vocab: malformed JSON object")

// scanHead reads the top-level "id", "type" and "href" members of a JSON
// object without decoding the rest. Decode and Ref use it to classify a
// document before (or instead of) a full decode: a full encoding/json pass
// over a 3.5 KB activity costs several microseconds, this walk a fraction.
//
// It matches keys the way encoding/json does (exact or case-insensitive
// after unescaping, last duplicate wins, non-string values ignored), so the
// id it reports is the id the full decode will see: an origin check made on
// the head holds for the decoded object. It does not validate what it skips.
func scanHead(data []byte) (refHead, error) {
	var h refHead
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return h, errMalformed
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return h, nil
	}
	for i < len(data) {
		keyEnd := skipString(data, i)
		if keyEnd < 0 {
			return h, errMalformed
		}
		key := data[i:keyEnd]
		i = skipSpace(data, keyEnd)
		if i >= len(data) || data[i] != ':' {
			return h, errMalformed
		}
		i = skipSpace(data, i+1)
		end := skipValue(data, i)
		if end < 0 {
			return h, errMalformed
		}
		if data[i] == '"' {
			h.set(key, data[i:end])
		}
		i = skipSpace(data, end)
		if i < len(data) && data[i] == '}' {
			return h, nil
		}
		if i >= len(data) || data[i] != ',' {
			return h, errMalformed
		}
		i = skipSpace(data, i+1)
	}
	return h, errMalformed
}

// set stores a string member if its key is one of the head's.
func (h *refHead) set(rawKey, rawValue []byte) {
	key, ok := unquote(rawKey)
	if !ok {
		return
	}
	var field *string
	switch {
	case strings.EqualFold(key, "id"):
		field = &h.ID
	case strings.EqualFold(key, "type"):
		field = &h.Type
	case strings.EqualFold(key, "href"):
		field = &h.Href
	default:
		return
	}
	if s, ok := unquote(rawValue); ok {
		*field = s
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index after the string starting at i, or -1.
func skipString(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue returns the index after the value starting at i, or -1. It
// walks nested objects and arrays with a depth counter, not recursion.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				if i = skipString(data, i); i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	start := i
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			if i == start {
				return -1
			}
			return i
		}
		i++
	}
	return i
}
