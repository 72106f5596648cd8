package api

import "testing"

func TestNoteHTML(t *testing.T) {
	tests := []struct{ name, bio, want string }{
		{"empty", "  ", ""},
		{"one line", "I pin bread.", "<p>I pin bread.</p>"},
		{"escaped", `<script>alert("x")</script> & co`, "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</p>"},
		{"line break", "one\ntwo", "<p>one<br>two</p>"},
		{"paragraphs", "one\r\n\r\ntwo\n\n\n\nthree", "<p>one</p><p>two</p><p>three</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := noteHTML(tt.bio); got != tt.want {
				t.Fatalf("noteHTML(%q) = %q, want %q", tt.bio, got, tt.want)
			}
		})
	}
}
