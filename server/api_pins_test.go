package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Acceptance 1: with a token, make a board, upload an image as a pin on
// it, and find the pin's 236 px thumbnail on the board's HTML page and its
// description and source link on the pin's page.
func TestAPIPinUploadShowsOnPages(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.admin, "")
		board := env.createBoard(tok, "Garden", false)
		const desc, link = "Tomatoes on the #balcony", "https://seeds.example/tomatoes"
		r := env.upload("/api/v1/pins", tok, map[string]string{"board_id": str(t, board, "id"), "title": "Tomatoes",
			"description": desc, "alt_text": "red tomatoes", "link": link}, pngBytes(t, 1000, 600))
		wantAPIStatus(t, "create pin", r, http.StatusOK)
		pin := r.JSON(t)
		id, base := str(t, pin, "id"), env.ts.URL
		want := map[string]any{"url": base + "/pins/" + id, "uri": base + "/pins/" + id, "board_id": str(t, board, "id"),
			"title": "Tomatoes", "description": desc, "alt_text": "red tomatoes", "link": link, "saved_from": nil,
			"save_count": float64(0), "like_count": float64(0), "comment_count": float64(0), "liked": false,
			"created_at": "2026-03-01T12:00:00.000Z"}
		for k, v := range want {
			if pin[k] != v {
				t.Errorf("pin %s = %#v, want %#v", k, pin[k], v)
			}
		}
		if tags, _ := pin["tags"].([]any); len(tags) != 1 || tags[0] != "balcony" {
			t.Errorf("tags = %v, want [balcony]", pin["tags"])
		}
		img := pin["image"].(map[string]any)
		if img["content_type"] != "image/png" || img["width"] != float64(1000) || img["height"] != float64(600) ||
			len(str(t, img, "blurhash")) < 6 || !strings.HasPrefix(str(t, img, "color"), "#") {
			t.Errorf("image = %v", img)
		}
		thumbs := img["thumbnails"].(map[string]any)
		small, large := thumbs["236"].(map[string]any), thumbs["736"].(map[string]any)
		if small["width"] != float64(236) || small["height"] != float64(142) || large["width"] != float64(736) {
			t.Errorf("thumbnails = %v, want 236 and 736 wide", thumbs)
		}
		for _, u := range []string{str(t, img, "original"), str(t, small, "url"), str(t, large, "url")} {
			if !strings.HasPrefix(u, base+"/media/") {
				t.Fatalf("image URL %q is not an absolute /media/ URL", u)
			}
			wantImage(t, env, u)
		}

		boardPage := env.get(strings.TrimPrefix(str(t, board, "url"), base), "")
		wantAPIStatus(t, "board page", boardPage, http.StatusOK)
		if thumbPath := strings.TrimPrefix(str(t, small, "url"), base); !strings.Contains(boardPage.Body, thumbPath) {
			t.Errorf("board page does not show the 236 px thumbnail %s", thumbPath)
		}
		pinPage := env.get("/pins/"+id, "")
		wantAPIStatus(t, "pin page", pinPage, http.StatusOK)
		for _, s := range []string{"Tomatoes on the", "balcony", `href="` + link + `"`} {
			if !strings.Contains(pinPage.Body, s) {
				t.Errorf("pin page lacks %q", s)
			}
		}
	})
}

// wantImage fetches an absolute media URL and wants an image back.
func wantImage(t *testing.T, env *pinsEnv, u string) []byte {
	t.Helper()
	resp, err := env.ts.Client().Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") {
		t.Fatalf("GET %s = %d %s", u, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return b
}

// Editing changes only the fields sent; board_id moves the pin.
func TestAPIPinEditAndMove(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.admin, "")
		from, to := str(t, env.createBoard(tok, "From", false), "id"), str(t, env.createBoard(tok, "To", false), "id")
		id := str(t, env.createPin(tok, from, "first words #old"), "id")
		steps := []struct {
			name string
			form url.Values
			want map[string]any
		}{
			{"title only", url.Values{"title": {"A title"}}, map[string]any{"title": "A title", "description": "first words #old", "board_id": from}},
			{"description retags", url.Values{"description": {"new words #fresh"}}, map[string]any{"title": "A title", "description": "new words #fresh"}},
			{"move", url.Values{"board_id": {to}}, map[string]any{"board_id": to, "title": "A title"}},
			{"bad link", url.Values{"link": {"javascript:alert(1)"}}, nil},
		}
		for _, s := range steps {
			r := env.call(http.MethodPatch, "/api/v1/pins/"+id, tok, s.form)
			if s.want == nil {
				wantAPIStatus(t, s.name, r, http.StatusUnprocessableEntity)
				continue
			}
			wantAPIStatus(t, s.name, r, http.StatusOK)
			m := r.JSON(t)
			for k, v := range s.want {
				if m[k] != v {
					t.Errorf("%s: %s = %v, want %v", s.name, k, m[k], v)
				}
			}
			if acct, _ := m["account"].(map[string]any); acct["username"] != "admin" {
				t.Errorf("%s: account = %v", s.name, m["account"])
			}
		}
		if ids := pinIDs(t, env.get("/api/v1/tags/fresh/pins", "")); strings.Join(ids, ",") != id {
			t.Errorf("#fresh = %v, want [%s]", ids, id)
		}
		if ids := pinIDs(t, env.get("/api/v1/boards/"+from+"/pins", "")); len(ids) != 0 {
			t.Errorf("old board still lists %v", ids)
		}
		wantAPIStatus(t, "delete", env.call(http.MethodDelete, "/api/v1/pins/"+id, tok, nil), http.StatusOK)
		wantAPIStatus(t, "get deleted", env.get("/api/v1/pins/"+id, tok), http.StatusNotFound)
	})
}
