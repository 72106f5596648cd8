package pagefetch

import (
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corkboard/corkboard"
	"golang.org/x/net/html"
)

const (
	// maxTokens bounds the work spent on one page. Everything we want is
	// in the head or near the top of the body; a hostile page of millions
	// of empty tags should cost no more than a normal one.
	maxTokens = 20000
	// maxURLLen matches the longest image URL the pin service accepts, so
	// an over-long og:image falls back to the next candidate instead of
	// failing the whole pin.
	maxURLLen       = 2000
	maxTitleRunes   = 200
	maxDescRunes    = 2000
	maxImgDimension = 100000 // larger width/height attributes are nonsense
)

// page collects the raw (unresolved) candidates found while scanning.
// Resolution waits until the end because <base href> applies to the whole
// document wherever it appears.
type page struct {
	base                  string
	meta                  map[string]string // property or name → first content
	title                 string
	imgs                  []img
	titleSeen, headClosed bool
}

type img struct {
	src  string
	area int // width×height; 0 when either is not declared
}

// extractPage reads what a page says about itself. base is the URL the
// document was served from (after redirects); relative URLs resolve against
// it, or against <base href> when the page has one.
func extractPage(base *url.URL, r io.Reader) corkboard.PageInfo {
	p := &page{meta: map[string]string{}}
	z := html.NewTokenizer(r)
	for n := 0; n < maxTokens; n++ {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF or a read error: use what we have
		}
		name, hasAttr := z.TagName()
		switch string(name) {
		case "head":
			p.headClosed = p.headClosed || tt == html.EndTagToken
		case "body":
			p.headClosed = true
		case "title":
			// Only the document title: <svg><title> in the body is a
			// tooltip, not the page's name.
			if tt == html.StartTagToken && !p.titleSeen && !p.headClosed {
				p.titleSeen = true
				if z.Next() == html.TextToken {
					p.title = string(z.Text())
				}
			}
		case "meta", "base", "img":
			if hasAttr && tt != html.EndTagToken {
				p.tag(string(name), attrs(z))
			}
		}
		// Once the head is read and it named an image, the body has
		// nothing more to offer.
		if p.headClosed && (p.meta["og:image"] != "" || p.meta["twitter:image"] != "") {
			break
		}
	}
	return p.info(base)
}

// tag records a <meta>, <base> or <img>.
func (p *page) tag(name string, a map[string]string) {
	switch name {
	case "base":
		if p.base == "" {
			p.base = a["href"]
		}
	case "meta":
		key := strings.ToLower(a["property"])
		if key == "" {
			key = strings.ToLower(a["name"]) // many sites write name="og:…"
		}
		switch key {
		case "og:image:url", "og:image:secure_url":
			key = "og:image"
		case "twitter:image:src":
			key = "twitter:image"
		}
		if v := strings.TrimSpace(a["content"]); v != "" && p.meta[key] == "" {
			p.meta[key] = v
		}
	case "img":
		src := strings.TrimSpace(a["src"])
		if src == "" || strings.HasPrefix(strings.ToLower(src), "data:") {
			src = strings.TrimSpace(a["data-src"]) // lazy loading placeholders
		}
		w, wok := dimension(a["width"])
		h, hok := dimension(a["height"])
		if src == "" || (wok && w <= 1) || (hok && h <= 1) {
			return // no address, or a tracking pixel
		}
		p.imgs = append(p.imgs, img{src: src, area: w * h})
	}
}

func (p *page) info(docURL *url.URL) corkboard.PageInfo {
	base := docURL
	if b := resolve(docURL, p.base); b != nil {
		base = b
	}
	meta := p.meta
	info := corkboard.PageInfo{
		URL:         docURL.String(),
		Title:       clean(first(meta["og:title"], meta["twitter:title"], p.title), maxTitleRunes),
		Description: clean(first(meta["og:description"], meta["description"], meta["twitter:description"]), maxDescRunes),
	}
	for _, raw := range []string{meta["og:image"], meta["twitter:image"]} {
		if u := resolve(base, raw); u != nil {
			info.ImageURL = u.String()
			return info
		}
	}
	// No declared image: the largest <img> with declared dimensions, else
	// the first one, which is usually the most prominent.
	var best *url.URL
	bestArea := -1
	for _, im := range p.imgs {
		u := resolve(base, im.src)
		if u == nil || strings.HasSuffix(strings.ToLower(u.Path), ".svg") {
			continue // SVGs are logos and icons, and not accepted anyway
		}
		if im.area > bestArea {
			best, bestArea = u, im.area
		}
	}
	if best != nil {
		info.ImageURL = best.String()
	}
	return info
}

// resolve returns raw as an absolute http(s) URL, or nil if it is not one.
func resolve(base *url.URL, raw string) *url.URL {
	if raw == "" || len(raw) > maxURLLen {
		return nil
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	u := base.ResolveReference(ref)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(u.String()) > maxURLLen {
		return nil
	}
	return u
}

// attrs returns the tag's attributes (lower-case keys, entities decoded);
// the first of duplicated attributes wins, as in browsers.
func attrs(z *html.Tokenizer) map[string]string {
	a := map[string]string{}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if _, dup := a[string(k)]; !dup {
			a[string(k)] = string(v)
		}
	}
	return a
}

// dimension parses a width or height attribute ("600", "600px"); ok is
// false when it is absent or unusable.
func dimension(s string) (n int, ok bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	if err != nil || n < 0 || n > maxImgDimension {
		return 0, false
	}
	return n, true
}

func first(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// clean collapses white space and cuts s to at most n runes.
func clean(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}
