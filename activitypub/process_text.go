package activitypub

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Remote text arrives as HTML written by someone else's server. We keep
// none of its markup: it becomes plain text (our pages escape it and link
// addresses and #tags themselves), one paragraph per <p>, <br> a line
// break. A link keeps its address when its text is that address shortened
// (Mastodon and Corkboard hide the scheme), else its text.

// paragraph is one block of remote content as plain text.
type paragraph struct {
	Text       string
	StrongOnly bool   // the whole paragraph was <strong> (a Corkboard pin's title)
	LinkOnly   string // the href, when the paragraph was one link and nothing else
}

// htmlText converts remote HTML to plain text.
func htmlText(s string) string {
	ps := htmlParagraphs(s)
	texts := make([]string, 0, len(ps))
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	return strings.Join(texts, "\n\n")
}

// htmlParagraphs splits remote HTML into plain-text paragraphs.
func htmlParagraphs(s string) []paragraph {
	var t textWriter
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.flush()
			return t.out
		case html.TextToken:
			t.text(collapse(string(z.Text())))
		case html.StartTagToken, html.SelfClosingTagToken:
			t.start(z.Token())
		case html.EndTagToken:
			t.end(z.Token())
		}
	}
}

// textWriter builds paragraphs from a stream of HTML tokens.
type textWriter struct {
	out       []paragraph
	cur       strings.Builder
	href      string // the open link's address
	linkText  strings.Builder
	inStrong  int
	notStrong bool     // some text of the paragraph is outside <strong>
	links     []string // addresses shown as such in the paragraph
	hasText   bool
}

// isBlock reports whether an element starts and ends a paragraph.
func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

func (t *textWriter) text(s string) {
	if strings.TrimSpace(s) != "" {
		t.hasText = true
		t.notStrong = t.notStrong || t.inStrong == 0
	}
	if t.href != "" {
		t.linkText.WriteString(s)
	} else {
		t.cur.WriteString(s)
	}
}

func (t *textWriter) start(tok html.Token) {
	switch {
	case isBlock(tok.Data):
		t.flush()
	case tok.Data == "br":
		t.cur.WriteString("\n")
	case tok.Data == "strong" || tok.Data == "b":
		t.inStrong++
	case tok.Data == "a":
		t.href = attr(tok, "href")
		t.linkText.Reset()
	}
}

func (t *textWriter) end(tok html.Token) {
	switch {
	case isBlock(tok.Data):
		t.flush()
	case tok.Data == "strong" || tok.Data == "b":
		t.inStrong = max(0, t.inStrong-1)
	case tok.Data == "a":
		shown := linkShown(t.href, t.linkText.String())
		if shown == t.href {
			t.links = append(t.links, t.href)
		}
		t.cur.WriteString(shown)
		t.href = ""
	}
}

// flush ends the current paragraph, if it has any text.
func (t *textWriter) flush() {
	if text := strings.TrimSpace(t.cur.String()); text != "" {
		p := paragraph{Text: text, StrongOnly: t.hasText && !t.notStrong}
		if len(t.links) == 1 && text == t.links[0] {
			p.LinkOnly = t.links[0]
		}
		t.out = append(t.out, p)
	}
	t.cur.Reset()
	t.notStrong, t.links, t.hasText = false, nil, false
}

// linkShown is what a link becomes in plain text: its address when the
// text is the address (or a shortened form of it), else the text.
func linkShown(href, text string) string {
	text = strings.TrimSpace(text)
	bare := strings.TrimPrefix(strings.TrimPrefix(href, "https://"), "http://")
	if webURL(href) != "" && (text == "" || text == href || strings.HasPrefix(bare, strings.TrimSuffix(text, "…"))) {
		return href
	}
	return text
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// collapse turns runs of whitespace (HTML source formatting) into one
// space and drops control characters.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
		case unicode.IsControl(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// plainText cleans a remote plain-text value (a display name): no
// control characters, whitespace collapsed.
func plainText(s string) string { return strings.TrimSpace(collapse(s)) }

// bound cuts s to at most n characters.
func bound(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
