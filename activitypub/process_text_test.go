package activitypub

import (
	"testing"

	"github.com/corkboard/corkboard/activitypub/vocab"
)

func TestHTMLText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs and breaks", "<p>one<br>two</p><p>three</p>", "one\ntwo\n\nthree"},
		{"Mastodon hashtag and mention", `<p><span class="h-card"><a href="https://m.example/@carol" class="u-url mention">@<span>carol</span></a></span> hi <a href="https://m.example/tags/pins" class="mention hashtag" rel="tag">#<span>pins</span></a></p>`,
			"@carol hi #pins"},
		{"Mastodon shortened link", `<p><a href="https://example.com/a/long/path"><span class="invisible">https://</span><span class="ellipsis">example.com/a/lo</span><span class="invisible">ng/path</span></a></p>`,
			"https://example.com/a/long/path"},
		{"Corkboard link without scheme", `<p><a href="https://example.com/x" rel="nofollow">example.com/x</a></p>`, "https://example.com/x"},
		{"link text kept when it is not the address", `<p><a href="https://example.com/x">a recipe</a></p>`, "a recipe"},
		{"script and markup dropped, entities decoded", `<p>a &amp; b<script>alert(1)</script></p>`, "a & balert(1)"},
		{"source formatting collapsed", "<p>a\n   b\t c</p>", "a b c"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("%s: htmlText = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestPinFromCorkboardNote checks that a pin survives the trip through our
// own Note shape: title, description, source link and tags come back.
func TestPinFromCorkboardNote(t *testing.T) {
	o := &vocab.Object{
		ID:         "https://other.example/pins/7",
		Content:    `<p><strong>Lemon tart</strong></p><p>Bake it <a href="https://other.example/tags/baking" class="mention hashtag" rel="tag">#<span>baking</span></a><br>twice</p><p><a href="https://recipes.example/tart" rel="nofollow noopener" target="_blank">recipes.example/tart</a></p>`,
		SourceLink: "https://recipes.example/tart",
		URL:        "https://other.example/pins/7",
		Tag:        vocab.Tags{{Type: "Hashtag", Name: "#Baking"}},
		Attachment: vocab.Attachments{{Type: "Image", URL: "https://other.example/media/a.jpg", Name: "a tart"}},
	}
	p := pinFrom(o)
	if p.Title != "Lemon tart" || p.Description != "Bake it #baking\ntwice" || p.Link != "https://recipes.example/tart" ||
		p.AltText != "a tart" || len(p.Tags) != 1 || p.Tags[0] != "baking" || p.PageURL != string(o.URL) {
		t.Errorf("pin = %+v", p)
	}
	// Without our sourceLink property nothing is taken out of the text.
	o.SourceLink = ""
	if p := pinFrom(o); p.Title != "" || p.Link != "" {
		t.Errorf("pin from a plain Note = %+v", p)
	}
}
