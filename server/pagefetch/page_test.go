package pagefetch

import (
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

func TestExtractPage(t *testing.T) {
	const doc = "https://site.test/dir/post.html"
	tests := []struct {
		name string
		html string
		want corkboard.PageInfo
	}{{
		name: "open graph, relative image",
		html: `<html><head><title>Plain</title>
			<meta property="og:title" content="OG &amp; title">
			<meta property="og:description" content="  OG
			description ">
			<meta property="og:image" content="/img/a.jpg">
			<meta name="twitter:image" content="https://cdn.test/tw.jpg">
			</head><body><img src="big.jpg" width="2000" height="2000"></body></html>`,
		want: corkboard.PageInfo{Title: "OG & title", Description: "OG description", ImageURL: "https://site.test/img/a.jpg"},
	}, {
		name: "og:image:secure_url and protocol-relative",
		html: `<meta property="og:image:secure_url" content="//cdn.test/s.png">`,
		want: corkboard.PageInfo{ImageURL: "https://cdn.test/s.png"},
	}, {
		name: "twitter fallbacks",
		html: `<head><meta name="twitter:title" content="TW title">
			<meta name="twitter:description" content="TW desc">
			<meta name="twitter:image:src" content="tw.png"></head>`,
		want: corkboard.PageInfo{Title: "TW title", Description: "TW desc", ImageURL: "https://site.test/dir/tw.png"},
	}, {
		name: "title element and meta description",
		html: `<head><title>
			Caf&eacute;   du
			monde</title><meta name="description" content="Plain desc">
			<meta name="twitter:description" content="TW desc"></head>
			<body><svg><title>icon</title></svg></body>`,
		want: corkboard.PageInfo{Title: "Café du monde", Description: "Plain desc"},
	}, {
		name: "unusable og:image falls back",
		html: `<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="ok.gif">`,
		want: corkboard.PageInfo{ImageURL: "https://site.test/dir/ok.gif"},
	}, {
		name: "largest img by declared size",
		html: `<body><img src="first.jpg"><img src="px.gif" width="1" height="1">
			<img src="small.jpg" width="100" height="100"><img src="logo.svg" width="900" height="900">
			<img src="data:image/png;base64,AAAA" width="5000" height="5000">
			<img src="large.jpg" width="800px" height="600"></body>`,
		want: corkboard.PageInfo{ImageURL: "https://site.test/dir/large.jpg"},
	}, {
		name: "first img without sizes, skipping pixels and data",
		html: `<body><img src="data:image/gif;base64,R0lGOD" data-src="lazy.jpg"><img src="second.jpg"></body>`,
		want: corkboard.PageInfo{ImageURL: "https://site.test/dir/lazy.jpg"},
	}, {
		name: "base href",
		html: `<head><meta property="og:image" content="a.jpg"><base href="https://static.test/assets/"></head>`,
		want: corkboard.PageInfo{ImageURL: "https://static.test/assets/a.jpg"},
	}, {
		name: "img inside script is not an image",
		html: `<body><script>var s = '<img src="no.jpg">';</script><img src="yes.jpg"></body>`,
		want: corkboard.PageInfo{ImageURL: "https://site.test/dir/yes.jpg"},
	}, {
		name: "truncation",
		html: `<title>` + strings.Repeat("é", 300) + `</title><meta name="description" content="` + strings.Repeat("ab ", 1000) + `">`,
		want: corkboard.PageInfo{Title: strings.Repeat("é", 200), Description: strings.TrimSpace(strings.Repeat("ab ", 667)[:2000])},
	}, {
		name: "empty",
		html: ``,
		want: corkboard.PageInfo{},
	}}
	base, _ := url.Parse(doc)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.URL = doc
			got := extractPage(base, strings.NewReader(tt.html))
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestExtractPageStopsAtTokenCap(t *testing.T) {
	base, _ := url.Parse("https://site.test/")
	html := strings.Repeat("<p>", maxTokens) + `<img src="late.jpg">`
	if got := extractPage(base, strings.NewReader(html)); got.ImageURL != "" {
		t.Errorf("ImageURL = %q, want none past the token cap", got.ImageURL)
	}
}
