package vocab

import (
	"encoding/json"
	"strings"
)

// URL is the page an object or actor links to for humans. The "url"
// property may be a string, a Link object or an array of either (PeerTube
// lists the HTML page beside video files); URL keeps the first text/html
// href. As in Mastodon, a Link without a media type counts as text/html.
type URL string

// UnmarshalJSON implements json.Unmarshaler.
func (u *URL) UnmarshalJSON(data []byte) error {
	s, err := pickHref(data, true)
	*u = URL(s)
	return err
}

// MediaURL is the file an attachment or icon points to. Like URL it accepts
// a string, a Link or an array, but it prefers the first href that is NOT an
// HTML page (Pleroma and PeerTube list a page beside the file).
type MediaURL string

// UnmarshalJSON implements json.Unmarshaler.
func (u *MediaURL) UnmarshalJSON(data []byte) error {
	s, err := pickHref(data, false)
	*u = MediaURL(s)
	return err
}

// link is the part of a Link object that url selection needs. Mastodon
// reads the non-standard "mimeType" too, so we do.
type link struct {
	Href      string `json:"href"`
	ID        string `json:"id"`
	MediaType string `json:"mediaType"`
	MimeType  string `json:"mimeType"`
	URL       string `json:"url"`
}

func (l link) href() string {
	switch {
	case l.Href != "":
		return l.Href
	case l.URL != "":
		return l.URL
	}
	return l.ID
}

func (l link) isHTML() bool {
	mt := l.MediaType
	if mt == "" {
		mt = l.MimeType
	}
	return mt == "" || strings.HasPrefix(mt, "text/html")
}

// pickHref returns the preferred href among a url value's candidates, or the
// first candidate when none is preferred.
func pickHref(data []byte, wantHTML bool) (string, error) {
	var elems []json.RawMessage
	switch firstByte(data) {
	case '"':
		s, _ := unquote(data)
		return s, nil
	case '{':
		elems = []json.RawMessage{data}
	case '[':
		if err := unmarshalLenient(data, &elems); err != nil {
			return "", err
		}
	default:
		return "", nil
	}
	first := ""
	for _, e := range elems {
		var l link
		switch firstByte(e) {
		case '"':
			l.Href, _ = unquote(e)
		case '{':
			if err := unmarshalLenient(e, &l); err != nil {
				return "", err
			}
		}
		h := l.href()
		if h == "" {
			continue
		}
		if first == "" {
			first = h
		}
		if l.isHTML() == wantHTML {
			return h, nil
		}
	}
	return first, nil
}
