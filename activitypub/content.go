package activitypub

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The HTML we put in content and summary. Text is escaped character by
// character; the only markup is ours: paragraphs, line breaks, and links
// built here for http(s) addresses and #tags, in the shape Mastodon
// writes (class "mention hashtag", rel "tag"), which its sanitizer keeps
// and GoToSocial and Pixelfed read as hashtags.

// richToken finds web addresses and #tags (addresses first, so that a
// URL's #fragment stays part of it), the same rule as the web pages.
var richToken = regexp.MustCompile(`(?i)https?://[^\s<>"'\x60]+|#[\p{L}\p{N}_]{1,64}`)

// paragraphBreak separates paragraphs: a blank line.
var paragraphBreak = regexp.MustCompile(`\n\s*\n`)

// richParagraphs renders text with its addresses and #tags linked.
func (f *Federation) richParagraphs(text string) string {
	return renderParagraphs(text, f.linkify)
}

// renderParagraphs splits text at blank lines into <p>s and keeps single
// line breaks as <br>.
func renderParagraphs(text string, inline func(string) string) string {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return ""
	}
	var b strings.Builder
	for _, para := range paragraphBreak.Split(text, -1) {
		lines := strings.Split(strings.TrimSpace(para), "\n")
		for i, l := range lines {
			lines[i] = inline(l)
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
	}
	return b.String()
}

// linkify escapes a line and links its addresses and #tags.
func (f *Federation) linkify(line string) string {
	var b strings.Builder
	last := 0
	for _, m := range richToken.FindAllStringIndex(line, -1) {
		start, end := m[0], m[1]
		tok, link := line[start:end], ""
		if tok[0] == '#' {
			link = f.hashtagLink(line[:start], tok)
		} else {
			tok = strings.TrimRight(tok, ".,;:!?*)]")
			end = start + len(tok)
			link = webLink(tok)
		}
		if link == "" {
			continue
		}
		b.WriteString(html.EscapeString(line[last:start]) + link)
		last = end
	}
	return b.String() + html.EscapeString(line[last:])
}

// hashtagLink links "#tag" unless the # is inside a word ("C#") or a
// path, the rule the domain uses to find tags.
func (f *Federation) hashtagLink(before, tok string) string {
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" &&
		(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_&/", r)) {
		return ""
	}
	name := tok[1:]
	return `<a href="` + html.EscapeString(f.tagURL(name)) + `" class="mention hashtag" rel="tag">#<span>` +
		html.EscapeString(name) + `</span></a>`
}

// webLink links an http(s) address, shown without its scheme.
func webLink(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	shown := strings.TrimPrefix(raw[len(u.Scheme)+3:], "www.")
	if r := []rune(shown); len(r) > 40 {
		shown = string(r[:39]) + "…"
	}
	return `<a href="` + html.EscapeString(raw) + `" rel="nofollow noopener noreferrer" target="_blank">` +
		html.EscapeString(shown) + `</a>`
}

// tagURL is a tag's page here.
func (f *Federation) tagURL(tag string) string {
	return f.BaseURL + "/tags/" + url.PathEscape(strings.ToLower(tag))
}
