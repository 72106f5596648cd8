package vocab

import (
	"strings"
	"time"
)

// Time is an xsd:dateTime property (published, updated). It accepts RFC 3339
// with or without fractional seconds, and a timestamp without a zone (read
// as UTC). Anything else leaves it zero instead of failing the document:
// time.Time's own UnmarshalJSON would reject the whole activity.
type Time struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(data []byte) error {
	t.Time = time.Time{}
	s, ok := unquote(data)
	if !ok {
		return nil
	}
	s = strings.TrimSpace(s)
	if v, err := time.Parse(time.RFC3339Nano, s); err == nil {
		t.Time = v
		return nil
	}
	fallbacks := [...]string{
		"2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999",
	}
	for _, layout := range fallbacks {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return nil
}
