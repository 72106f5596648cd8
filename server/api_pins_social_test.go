package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Saving, liking and commenting, and the counts they keep.
func TestAPIPinSaveLikeComment(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		owner, bob, carol := env.token(env.admin, ""), env.token(env.user("bob"), ""), env.token(env.user("carol"), "")
		orig := env.createPin(owner, str(t, env.createBoard(owner, "Lamps", false), "id"), "brass lamp #lighting")
		id := str(t, orig, "id")
		bobBoard := str(t, env.createBoard(bob, "Ideas", false), "id")

		r := env.call(http.MethodPost, "/api/v1/pins/"+id+"/save", bob, url.Values{"board_id": {bobBoard}})
		wantAPIStatus(t, "save", r, http.StatusOK)
		saved := r.JSON(t)
		if saved["saved_from"] != id || saved["board_id"] != bobBoard || saved["description"] != "brass lamp #lighting" ||
			saved["account"].(map[string]any)["username"] != "bob" || saved["id"] == id {
			t.Errorf("saved pin = %v", saved)
		}
		if saved["image"].(map[string]any)["original"] != orig["image"].(map[string]any)["original"] {
			t.Errorf("a saved pin shows another image")
		}

		r = env.call(http.MethodPost, "/api/v1/pins/"+id+"/like", bob, nil)
		wantAPIStatus(t, "like", r, http.StatusOK)
		if m := r.JSON(t); m["liked"] != true || m["like_count"] != float64(1) {
			t.Errorf("after like: liked %v, like_count %v", m["liked"], m["like_count"])
		}
		wantAPIStatus(t, "like twice", env.call(http.MethodPost, "/api/v1/pins/"+id+"/like", bob, nil), http.StatusOK)
		if m := env.get("/api/v1/pins/"+id, bob).JSON(t); m["liked"] != true || m["like_count"] != float64(1) || m["save_count"] != float64(1) {
			t.Errorf("bob sees liked %v, like_count %v, save_count %v; want true, 1, 1", m["liked"], m["like_count"], m["save_count"])
		}
		if m := env.get("/api/v1/pins/"+id, carol).JSON(t); m["liked"] != false {
			t.Errorf("carol sees liked = %v", m["liked"])
		}
		r = env.call(http.MethodPost, "/api/v1/pins/"+id+"/unlike", bob, nil)
		if m := r.JSON(t); m["liked"] != false || m["like_count"] != float64(0) {
			t.Errorf("after unlike: %v %v", m["liked"], m["like_count"])
		}

		r = env.call(http.MethodPost, "/api/v1/pins/"+id+"/comments", bob, url.Values{"text": {"Where is it from?"}})
		wantAPIStatus(t, "comment", r, http.StatusOK)
		comment := r.JSON(t)
		if comment["text"] != "Where is it from?" || comment["pin_id"] != id || comment["account"].(map[string]any)["username"] != "bob" {
			t.Errorf("comment = %v", comment)
		}
		wantAPIStatus(t, "empty comment", env.call(http.MethodPost, "/api/v1/pins/"+id+"/comments", bob, url.Values{"text": {"  "}}), http.StatusUnprocessableEntity)
		cid := str(t, comment, "id")
		wantAPIStatus(t, "carol deletes bob's comment", env.call(http.MethodDelete, "/api/v1/comments/"+cid, carol, nil), http.StatusForbidden)
		wantAPIStatus(t, "pin owner deletes it", env.call(http.MethodDelete, "/api/v1/comments/"+cid, owner, nil), http.StatusOK)
		if m := env.get("/api/v1/pins/"+id, "").JSON(t); m["comment_count"] != float64(0) {
			t.Errorf("comment_count = %v after deleting the only comment", m["comment_count"])
		}
	})
}

var nextLink = regexp.MustCompile(`^<([^>]+)>; rel="next"$`)

// Lists are paged by keyset: following rel="next" walks every item once,
// newest first for pins and oldest first for comments.
func TestAPIPaging(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.admin, "")
		board := str(t, env.createBoard(tok, "Many", false), "id")
		var pins []string
		for range 5 {
			pins = append(pins, str(t, env.createPin(tok, board, "page me #paged"), "id"))
		}
		first := str(t, env.createPin(tok, board, "with comments"), "id")
		var comments []string
		for _, text := range []string{"one", "two", "three"} {
			r := env.call(http.MethodPost, "/api/v1/pins/"+first+"/comments", tok, url.Values{"text": {text}})
			comments = append(comments, str(t, r.JSON(t), "id"))
		}
		slices.Reverse(pins)
		tests := []struct {
			name, path string
			want       []string
		}{
			{"board pins", "/api/v1/boards/" + board + "/pins?limit=2", append([]string{first}, pins...)},
			{"tag", "/api/v1/tags/paged/pins?limit=2", pins},
			{"search", "/api/v1/search/pins?q=page&limit=2", pins},
			{"home", "/api/v1/timelines/home?limit=4", append([]string{first}, pins...)},
			{"comments", "/api/v1/pins/" + first + "/comments?limit=2", comments},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var got []string
				path := tt.path
				for pages := 0; path != "" && pages < 10; pages++ {
					r := env.get(path, tok)
					got = append(got, pinIDs(t, r)...)
					path = ""
					if m := nextLink.FindStringSubmatch(r.Header.Get("Link")); m != nil {
						path = strings.TrimPrefix(m[1], env.ts.URL)
					}
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("walked %v, want %v", got, tt.want)
				}
			})
		}
		wantAPIStatus(t, "bad cursor", env.get("/api/v1/tags/paged/pins?max_id=x", tok), http.StatusUnprocessableEntity)
	})
}
