package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

// Text people write is shown as text: markup is escaped, and only http(s)
// addresses become links, marked as user content.
func TestWebHostileText(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice, bob := env.signedIn("alice", false), env.signedIn("bob", false)
		board := env.createBoard(alice, "alice", `<b>Bold</b> "board"`, false)
		desc := `<script>alert(1)</script> javascript:alert(2) <a href="javascript:alert(3)">x</a> https://ok.example/a?b=1&c="2" #ok`
		p := env.uploadPin(alice, board, desc, "")
		pinPath := "/pins/" + id(p.ID)
		comment := `<img src=x onerror=alert(4)> see http://fine.example/"><script>alert(5)</script>`
		wantStatus(t, "comment", bob.post(pinPath+"/comments", url.Values{"text": {comment}}), http.StatusSeeOther)

		r := env.browser().get(pinPath)
		wantStatus(t, "pin page", r, http.StatusOK)
		wantNoBody(t, "pin page", r, "<script>alert", `href="javascript:`, "<img src=x", "<b>Bold</b>")
		wantBody(t, "pin page", r,
			"&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(2) &lt;a href=&#34;javascript:alert(3)&#34;&gt;x&lt;/a&gt;",
			`<a href="https://ok.example/a?b=1&amp;c=" rel="nofollow ugc noopener" target="_blank">ok.example/a?b=1&amp;c=</a>&#34;2&#34;`,
			`<a class="tag-link" href="/tags/ok">#ok</a>`,
			"&lt;img src=x onerror=alert(4)&gt;",
			`<a href="http://fine.example/" rel="nofollow ugc noopener" target="_blank">fine.example/</a>&#34;&gt;&lt;script&gt;`,
			"&lt;b&gt;Bold&lt;/b&gt;")
		wantNoBody(t, "board page", env.browser().get("/@alice/"+board.Slug), "<b>Bold</b>")

		r = alice.postFile("/pins", url.Values{"source": {"upload"}, "board_id": {id(board.ID)}, "link": {"javascript:alert(6)"}},
			"a.png", testPNG(40, 40))
		wantStatus(t, "javascript: source link", r, http.StatusUnprocessableEntity)
		r = alice.post(pinPath+"/edit", url.Values{"link": {"data:text/html,<script>alert(7)</script>"}})
		wantStatus(t, "data: source link on edit", r, http.StatusUnprocessableEntity)
		wantNoBody(t, "data: source link on edit", r, "<script>alert(7)")
	})
}
