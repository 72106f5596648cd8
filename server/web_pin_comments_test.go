package server_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var (
	commentItem = regexp.MustCompile(`<li class="comment" id="comment-(\d+)">[\s\S]*?<p class="comment__text rich">([^<]*)</p>`)
	moreComment = regexp.MustCompile(`href="([^"]*)" rel="next">More comments<`)
)

// commentsOn reads a pin page's comments (ids and texts, in page order)
// and its "More comments" link ("" if none).
func commentsOn(r webResponse) (ids, texts []string, more string) {
	for _, m := range commentItem.FindAllStringSubmatch(r.body, -1) {
		ids, texts = append(ids, m[1]), append(texts, m[2])
	}
	if m := moreComment.FindStringSubmatch(r.body); m != nil {
		more = html.UnescapeString(m[1])
	}
	return ids, texts, more
}

// TestWebPinCommentPages: a pin with 60 comments shows the first 50,
// oldest first, and a plain "More comments" link (no script needed) to
// the other 10, which end without a link; together they are every
// comment once, in order. A page that is exactly full has no link to an
// empty page, and a malformed cursor shows the first page.
func TestWebPinCommentPages(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		p := env.uploadPin(alice, env.createBoard(alice, "alice", "Cakes", false), "Cake", "")
		pinPath := "/pins/" + id(p.ID)
		authors := []string{"bob", "carol"}
		for _, name := range authors {
			env.createAccount(name, false)
		}
		var want []string
		for i := 1; i <= 60; i++ {
			text := fmt.Sprintf("comment %02d", i)
			if _, err := env.srv.Service().Comment(context.Background(), env.account(authors[i%2]), p.ID, text); err != nil {
				t.Fatal(err)
			}
			want = append(want, text)
		}
		visitor := env.browser()

		ids1, texts1, more := commentsOn(visitor.get(pinPath))
		if !slices.Equal(texts1, want[:50]) {
			t.Fatalf("first page shows %d comments %q, want the first 50", len(texts1), texts1)
		}
		if wantMore := pinPath + "?after=" + ids1[49] + "#comments"; more != wantMore {
			t.Fatalf("More comments link = %q, want %q", more, wantMore)
		}
		second := visitor.get(strings.TrimSuffix(more, "#comments"))
		wantStatus(t, "second page", second, http.StatusOK)
		wantBody(t, "second page", second, `href="`+pinPath+`#comments">First comments</a>`, "60 comments")
		ids2, texts2, more2 := commentsOn(second)
		if !slices.Equal(texts2, want[50:]) || more2 != "" {
			t.Fatalf("second page shows %q with More link %q, want the last 10 and no link", texts2, more2)
		}
		// Strictly increasing ids across both pages: no comment twice, none
		// out of order (the texts above show none is missing).
		all := slices.Concat(ids1, ids2)
		for i := 1; i < len(all); i++ {
			if prev, cur := mustAtoi(t, all[i-1]), mustAtoi(t, all[i]); cur <= prev {
				t.Fatalf("comment ids out of order or repeated across pages: %v", all)
			}
		}

		_, full, fullMore := commentsOn(visitor.get(pinPath + "?after=" + ids1[9]))
		if !slices.Equal(full, want[10:]) || fullMore != "" {
			t.Errorf("an exactly full page shows %d comments and More link %q, want 50 and none", len(full), fullMore)
		}
		if _, bad, _ := commentsOn(visitor.get(pinPath + "?after=nonsense")); !slices.Equal(bad, want[:50]) {
			t.Errorf("a malformed cursor shows %d comments, want the first page", len(bad))
		}
		// Deleting a comment on the second page comes back to that page.
		bob := env.browser()
		wantStatus(t, "bob signs in", bob.post("/login", url.Values{"username": {"bob"}, "password": {"bob-password"}}), http.StatusSeeOther)
		back := pinPath + "?after=" + ids1[49] + "#comments"
		wantBody(t, "second page as bob", bob.get(strings.TrimSuffix(more, "#comments")), `name="return_to" value="`+back+`"`)
		del := bob.post("/comments/"+ids2[1]+"/delete", url.Values{"return_to": {back}})
		if del.status != http.StatusSeeOther || del.header.Get("Location") != back {
			t.Errorf("delete from the second page: %d to %q, want 303 to %q", del.status, del.header.Get("Location"), back)
		}
		wantBody(t, "past the end", visitor.get(pinPath+"?after="+ids2[9]), "No more comments.", "First comments")
	})
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
