package web

import "testing"

func TestRichText(t *testing.T) {
	const rel = `" rel="nofollow ugc noopener" target="_blank">`
	tests := []struct{ name, in, want string }{
		{"plain", "just text", "just text"},
		{"markup is escaped", `<b onclick="x">hi</b> & 'q'`, `&lt;b onclick=&#34;x&#34;&gt;hi&lt;/b&gt; &amp; &#39;q&#39;`},
		{"tag", "#Bread rolls", `<a class="tag-link" href="/tags/bread">#Bread</a> rolls`},
		{"tag inside a word", "C#sharp and &#39;", "C#sharp and &amp;#39;"},
		{"unicode tag", "#crème", `<a class="tag-link" href="/tags/cr%C3%A8me">#crème</a>`},
		{"link", "see https://example.com/a", `see <a href="https://example.com/a` + rel + `example.com/a</a>`},
		{"link with fragment is not a tag", "http://x.example/#top", `<a href="http://x.example/#top` + rel + `x.example/#top</a>`},
		{"sentence punctuation stays outside", "(go to https://example.com/x).", `(go to <a href="https://example.com/x` + rel + `example.com/x</a>).`},
		{"balanced brackets stay inside", "https://en.example/Foo_(bar)", `<a href="https://en.example/Foo_(bar)` + rel + `en.example/Foo_(bar)</a>`},
		{"quotes end a link", `https://a.example/"onmouseover="x`, `<a href="https://a.example/` + rel + `a.example/</a>&#34;onmouseover=&#34;x`},
		{"ampersand escaped in href", "https://a.example/?a=1&b=2", `<a href="https://a.example/?a=1&amp;b=2` + rel + `a.example/?a=1&amp;b=2</a>`},
		{"other schemes stay text", "javascript:alert(1) data:text/html,x", "javascript:alert(1) data:text/html,x"},
		{"scheme without host", "http:// nothing", "http:// nothing"},
		{"long link is shortened", "https://www.example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			`<a href="https://www.example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` + rel + `example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaa…</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(richText(tt.in)); got != tt.want {
				t.Errorf("richText(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDomain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example.com/x", "example.com"},
		{"http://sub.example.org:8080/", "sub.example.org"},
		{"not a url", ""},
	}
	for _, tt := range tests {
		if got := domain(tt.in); got != tt.want {
			t.Errorf("domain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountText(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{0, "0 pins"}, {1, "1 pin"}, {2, "2 pins"}, {1000, "1k pins"}, {1250, "1.2k pins"}, {25_300, "25k pins"}, {3_400_000, "3.4M pins"}}
	for _, tt := range tests {
		if got := countText(tt.n, "pin", "pins"); got != tt.want {
			t.Errorf("countText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
