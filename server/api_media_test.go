package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Images for direct statuses: uploaded to /api/v2/media (processed at
// once), private to the uploader, attached once with media_ids[].
func TestAPIMediaUploadAndDirectStatus(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		ctx := context.Background()
		alice, bob, carol := env.user("alice"), env.user("bob"), env.user("carol")
		if _, err := env.srv.Service().FollowAccount(ctx, bob, "alice"); err != nil {
			t.Fatalf("bob follows alice: %v", err)
		}
		aliceTok, bobTok, carolTok := env.token(alice, ""), env.token(bob, ""), env.token(carol, "")

		r := env.upload("/api/v2/media", aliceTok, map[string]string{"description": "a red square"}, pngBytes(t, 400, 300))
		wantAPIStatus(t, "upload", r, http.StatusOK)
		m := r.JSON(t)
		id := str(t, m, "id")
		meta, _ := m["meta"].(map[string]any)
		orig, _ := meta["original"].(map[string]any)
		small, _ := meta["small"].(map[string]any)
		if m["type"] != "image" || m["description"] != "a red square" || m["remote_url"] != nil || str(t, m, "blurhash") == "" ||
			!strings.Contains(str(t, m, "url"), "/media/") || !strings.Contains(str(t, m, "preview_url"), "/media/") ||
			orig["width"] != 400.0 || orig["height"] != 300.0 || orig["size"] != "400x300" || orig["aspect"] == nil ||
			small["width"] != 236.0 {
			t.Fatalf("media = %v", m)
		}
		r = env.upload("/api/v1/media", aliceTok, nil, pngBytes(t, 20, 20))
		wantAPIStatus(t, "v1 upload", r, http.StatusOK)
		second := str(t, r.JSON(t), "id")

		svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`)
		wantAPIStatus(t, "SVG", env.upload("/api/v2/media", aliceTok, nil, svg), http.StatusUnsupportedMediaType)
		wantAPIStatus(t, "no file", env.upload("/api/v2/media", aliceTok, map[string]string{"description": "x"}, nil), http.StatusUnprocessableEntity)
		wantAPIStatus(t, "read-only token", env.upload("/api/v2/media", env.token(alice, "read"), nil, pngBytes(t, 10, 10)), http.StatusForbidden)

		r = env.call(http.MethodGet, "/api/v1/media/"+id, aliceTok, nil)
		wantAPIStatus(t, "owner reads media", r, http.StatusOK)
		if str(t, r.JSON(t), "id") != id {
			t.Errorf("media = %v", r.JSON(t))
		}
		wantAPIStatus(t, "non-owner reads media", env.call(http.MethodGet, "/api/v1/media/"+id, carolTok, nil), http.StatusNotFound)
		wantAPIStatus(t, "missing media", env.call(http.MethodGet, "/api/v1/media/99999", aliceTok, nil), http.StatusNotFound)

		// carol cannot send alice's upload.
		r = env.call(http.MethodPost, "/api/v1/statuses", carolTok, url.Values{"status": {"@bob hi"}, "visibility": {"direct"}, "media_ids[]": {id}})
		wantAPIStatus(t, "someone else's media", r, http.StatusUnprocessableEntity)
		r = env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{"status": {"@bob hi"}, "visibility": {"direct"},
			"media_ids[]": {id, second, "3", "4", "5"}})
		wantAPIStatus(t, "five media", r, http.StatusUnprocessableEntity)

		r = env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{"status": {"@bob look"}, "visibility": {"direct"},
			"media_ids[]": {id, second}})
		wantAPIStatus(t, "direct status with media", r, http.StatusOK)
		statusID := str(t, r.JSON(t), "id")
		r = env.call(http.MethodGet, "/api/v1/statuses/"+statusID, bobTok, nil)
		wantAPIStatus(t, "bob reads it", r, http.StatusOK)
		atts, _ := r.JSON(t)["media_attachments"].([]any)
		if len(atts) != 2 {
			t.Fatalf("media_attachments = %v", atts)
		}
		first := atts[0].(map[string]any)
		if first["blurhash"] != m["blurhash"] || first["url"] != m["url"] || first["type"] != "image" {
			t.Errorf("attachment = %v, uploaded %v", first, m)
		}

		// An upload is used once.
		r = env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{"status": {"@bob again"}, "visibility": {"direct"}, "media_ids[]": {id}})
		wantAPIStatus(t, "media used twice", r, http.StatusUnprocessableEntity)
	})
}
