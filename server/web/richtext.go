package web

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// richToken finds the parts of user text that become links: web addresses
// and #tags. Addresses come first in the alternation, so a URL's #fragment
// stays part of its URL.
var richToken = regexp.MustCompile(`(?i)https?://[^\s<>"'\x60]+|#[\p{L}\p{N}_]{1,64}`)

// richText renders untrusted text (a description, a comment) as HTML. Every
// character is escaped; only http(s) addresses and #tags become links, and
// those are built here, never copied from the input as markup. Line breaks
// are kept by CSS (white-space: pre-line).
func richText(text string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range richToken.FindAllStringIndex(text, -1) {
		start, end := m[0], m[1]
		tok := text[start:end]
		var link string
		if tok[0] == '#' {
			link = tagLink(text[:start], tok)
		} else {
			tok = trimURL(tok)
			end = start + len(tok)
			link = webLink(tok)
		}
		if link == "" {
			continue // left as text, escaped with what follows
		}
		b.WriteString(html.EscapeString(text[last:start]))
		b.WriteString(link)
		last = end
	}
	b.WriteString(html.EscapeString(text[last:]))
	return template.HTML(b.String()) // safe: every piece was escaped above
}

// tagLink links "#tag" to its tag page, unless the # is inside a word
// ("C#", "&#39;") or a path: the same rule the domain uses to find tags.
func tagLink(before, tok string) string {
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" &&
		(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_&/", r)) {
		return ""
	}
	href := "/tags/" + url.PathEscape(strings.ToLower(tok[1:]))
	return `<a class="tag-link" href="` + html.EscapeString(href) + `">` + html.EscapeString(tok) + `</a>`
}

// webLink links an http(s) address for a stranger's text: nofollow and
// ugc for search engines, noopener and a new tab for the reader.
func webLink(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return `<a href="` + html.EscapeString(raw) + `" rel="nofollow ugc noopener" target="_blank">` +
		html.EscapeString(shortURL(raw)) + `</a>`
}

// trimURL drops punctuation that ends a sentence rather than the address,
// and a closing bracket that has no opening one in the address.
func trimURL(s string) string {
	for len(s) > 0 {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?*", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"),
			last == ']' && strings.Count(s, "[") < strings.Count(s, "]"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// shortURL is how an address reads in text: without its scheme and "www.",
// and cut at 40 characters.
func shortURL(raw string) string {
	s := raw[strings.Index(raw, "//")+2:]
	s = strings.TrimPrefix(s, "www.")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// domain is the host a source link points to, as shown beside it.
func domain(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
