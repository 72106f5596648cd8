package server_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// TestAPIAvatar: update_credentials takes an "avatar" file; the account
// JSON then names the 400 px image by an absolute URL that serves it.
// A refused picture changes nothing.
func TestAPIAvatar(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.user("alice"), "read write")
		defaultAvatar := str(t, env.get("/api/v1/accounts/verify_credentials", tok).JSON(t), "avatar")
		if !strings.HasSuffix(defaultAvatar, "/static/avatar.svg") {
			t.Fatalf("avatar before upload = %q, want the default", defaultAvatar)
		}

		r := env.patchAvatar(tok, hugePNG(t, 20000, 20000))
		wantAPIStatus(t, "huge avatar", r, http.StatusUnprocessableEntity)
		if got := str(t, env.get("/api/v1/accounts/verify_credentials", tok).JSON(t), "avatar"); got != defaultAvatar {
			t.Errorf("a refused avatar changed it to %q", got)
		}

		r = env.patchAvatar(tok, testPNG(640, 480))
		wantAPIStatus(t, "update_credentials", r, http.StatusOK)
		patched := str(t, r.JSON(t), "avatar")
		me := env.get("/api/v1/accounts/verify_credentials", tok).JSON(t)
		avatar, static := str(t, me, "avatar"), str(t, me, "avatar_static")
		if avatar != patched || static != avatar || !strings.HasPrefix(avatar, env.ts.URL+"/media/") {
			t.Fatalf("avatar %q, avatar_static %q, update answered %q: want one absolute /media URL", avatar, static, patched)
		}
		img := env.do(http.MethodGet, strings.TrimPrefix(avatar, env.ts.URL), nil, nil)
		wantAPIStatus(t, "avatar image", img, http.StatusOK)
		if ct := img.Header.Get("Content-Type"); ct != "image/jpeg" && ct != "image/png" {
			t.Errorf("avatar served as %q", ct)
		}
	})
}

// patchAvatar sends update_credentials as multipart with file in "avatar".
func (e *pinsEnv) patchAvatar(token string, file []byte) apiResponse {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("avatar", "me.png")
	_, _ = fw.Write(file)
	_ = mw.Close()
	return e.do(http.MethodPatch, "/api/v1/accounts/update_credentials", &buf, func(r *http.Request) {
		r.Header.Set("Content-Type", mw.FormDataContentType())
		r.Header.Set("Authorization", "Bearer "+token)
	})
}
