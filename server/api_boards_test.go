package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAPIBoardLifecycle(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.admin, "")
		b := env.createBoard(tok, "Summer Recipes", false)
		id := str(t, b, "id")
		base := env.ts.URL
		want := map[string]any{"slug": "summer_recipes", "title": "Summer Recipes", "description": "", "secret": false,
			"url": base + "/@admin/summer_recipes", "uri": base + "/boards/" + id, "pin_count": float64(0),
			"cover": nil, "created_at": "2026-03-01T12:00:00.000Z"}
		for k, v := range want {
			if b[k] != v {
				t.Errorf("created board %s = %#v, want %#v", k, b[k], v)
			}
		}
		if acct, _ := b["account"].(map[string]any); acct["username"] != "admin" {
			t.Errorf("board account = %v, want admin's", b["account"])
		}

		// JSON bodies work as well as forms; PATCH changes only what it sends.
		r := env.do(http.MethodPatch, "/api/v1/boards/"+id, strings.NewReader(`{"description":"Cold soups"}`), func(r *http.Request) {
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Authorization", "Bearer "+tok)
		})
		wantAPIStatus(t, "PATCH description", r, http.StatusOK)
		if m := r.JSON(t); m["title"] != "Summer Recipes" || m["description"] != "Cold soups" {
			t.Errorf("after PATCH: %v", m)
		}
		r = env.call(http.MethodPut, "/api/v1/boards/"+id, tok, url.Values{"title": {"Soups"}, "secret": {"true"}})
		wantAPIStatus(t, "PUT", r, http.StatusOK)
		if m := r.JSON(t); m["title"] != "Soups" || m["secret"] != true || m["description"] != "Cold soups" {
			t.Errorf("after PUT: %v", m)
		}

		pin := env.createPin(tok, id, "gazpacho")
		r = env.get("/api/v1/boards/"+id, tok)
		wantAPIStatus(t, "GET board", r, http.StatusOK)
		m := r.JSON(t)
		cover, _ := m["cover"].(map[string]any)
		if m["pin_count"] != float64(1) || cover == nil || cover["original"] != pin["image"].(map[string]any)["original"] {
			t.Errorf("board with a pin: pin_count %v, cover %v; want 1 and the pin's image", m["pin_count"], m["cover"])
		}

		wantAPIStatus(t, "DELETE", env.call(http.MethodDelete, "/api/v1/boards/"+id, tok, nil), http.StatusOK)
		wantAPIStatus(t, "GET deleted board", env.get("/api/v1/boards/"+id, tok), http.StatusNotFound)
		wantAPIStatus(t, "GET pin of deleted board", env.get("/api/v1/pins/"+str(t, pin, "id"), tok), http.StatusNotFound)
		if n := env.mediaFiles(); n != 0 {
			t.Errorf("%d media files left after deleting the board's only pin", n)
		}
	})
}

// An account's boards: the owner sees their secret ones, nobody else does.
func TestAPIAccountBoards(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok, bobTok := env.token(env.admin, ""), env.token(env.user("bob"), "")
		env.createBoard(tok, "Public", false)
		env.createBoard(tok, "Hidden", true)
		path := "/api/v1/accounts/" + itoa(env.admin.ID) + "/boards"
		tests := []struct {
			name, token string
			want        []string
		}{
			{"owner", tok, []string{"Hidden", "Public"}},
			{"someone else", bobTok, []string{"Public"}},
			{"anonymous", "", []string{"Public"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := env.get(path, tt.token)
				wantAPIStatus(t, tt.name, r, http.StatusOK)
				var got []string
				for _, b := range r.list(t) {
					got = append(got, b["title"].(string))
				}
				if strings.Join(got, ",") != strings.Join(tt.want, ",") {
					t.Errorf("boards = %v, want %v", got, tt.want)
				}
			})
		}
		wantAPIStatus(t, "unknown account", env.get("/api/v1/accounts/999/boards", ""), http.StatusNotFound)
		wantAPIStatus(t, "non-numeric id", env.get("/api/v1/accounts/abc/boards", ""), http.StatusNotFound)
	})
}

// Following a board brings its pins to the home timeline; unfollowing
// takes them out. A secret board cannot be followed by anyone else.
func TestAPIBoardFollow(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok, bobTok := env.token(env.admin, ""), env.token(env.user("bob"), "")
		public, secret := str(t, env.createBoard(tok, "Public", false), "id"), str(t, env.createBoard(tok, "Hidden", true), "id")
		pin := str(t, env.createPin(tok, public, "on a public board"), "id")

		r := env.call(http.MethodPost, "/api/v1/boards/"+public+"/follow", bobTok, nil)
		wantAPIStatus(t, "follow", r, http.StatusOK)
		if m := r.JSON(t); m["id"] != public || m["following"] != true || m["requested"] != false {
			t.Errorf("follow answer = %v", m)
		}
		if ids := pinIDs(t, env.get("/api/v1/timelines/home", bobTok)); strings.Join(ids, ",") != pin {
			t.Errorf("home after following = %v, want [%s]", ids, pin)
		}
		r = env.call(http.MethodPost, "/api/v1/boards/"+public+"/unfollow", bobTok, nil)
		wantAPIStatus(t, "unfollow", r, http.StatusOK)
		if m := r.JSON(t); m["following"] != false {
			t.Errorf("unfollow answer = %v", m)
		}
		if ids := pinIDs(t, env.get("/api/v1/timelines/home", bobTok)); len(ids) != 0 {
			t.Errorf("home after unfollowing = %v, want none", ids)
		}
		for _, action := range []string{"follow", "unfollow"} {
			wantAPIStatus(t, action+" secret", env.call(http.MethodPost, "/api/v1/boards/"+secret+"/"+action, bobTok, nil), http.StatusNotFound)
		}
		wantAPIStatus(t, "follow own board", env.call(http.MethodPost, "/api/v1/boards/"+public+"/follow", tok, nil), http.StatusUnprocessableEntity)
		wantAPIStatus(t, "follow without the scope", env.call(http.MethodPost, "/api/v1/boards/"+public+"/follow", env.token(env.admin, "read"), nil), http.StatusForbidden)
	})
}

// pinIDs lists the ids of a pin list answer, failing unless it is 200.
func pinIDs(t *testing.T, r apiResponse) []string {
	t.Helper()
	wantAPIStatus(t, "pin list", r, http.StatusOK)
	ids := []string{}
	for _, p := range r.list(t) {
		ids = append(ids, str(t, p, "id"))
	}
	return ids
}
