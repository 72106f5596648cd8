package server_test

import (
	"bytes"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"testing"
)

// TestWebAvatar: the profile form takes a picture, which then shows on
// the profile (400 px) and beside the person's pins (96 px), both served
// from our own /media. A refused picture, or a missing CSRF token,
// changes nothing; the form still works without a file; "Remove avatar"
// puts the default back and releases the files.
func TestWebAvatar(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		board := env.createBoard(alice, "alice", "Ideas", false)
		pin := env.uploadPin(alice, board, "a pin", "")
		filesBefore := env.mediaFiles()

		r := alice.postAvatar(url.Values{"display_name": {"Alice A."}}, testPNG(800, 500))
		wantStatus(t, "upload avatar", r, http.StatusSeeOther)
		a := env.account("alice")
		if a.AvatarKey == "" || a.AvatarSmallKey == "" || a.DisplayName != "Alice A." {
			t.Fatalf("after upload: avatar %q / %q, name %q", a.AvatarKey, a.AvatarSmallKey, a.DisplayName)
		}
		if got := env.mediaFiles(); got != filesBefore+2 {
			t.Errorf("media files: %d, want %d (400 px and 96 px)", got, filesBefore+2)
		}
		wantBody(t, "profile", alice.get("/@alice"), `src="/media/`+a.AvatarKey+`"`)
		wantBody(t, "pin page", env.browser().get("/pins/"+id(pin.ID)), `src="/media/`+a.AvatarSmallKey+`"`)
		wantBody(t, "settings", alice.get("/settings/profile"), `src="/media/`+a.AvatarKey+`"`, "Remove avatar")
		img := alice.get("/media/" + a.AvatarKey)
		wantStatus(t, "avatar file", img, http.StatusOK)
		if ct := img.header.Get("Content-Type"); ct != "image/jpeg" {
			t.Errorf("avatar served as %q, want image/jpeg", ct)
		}

		refusals := []struct {
			name   string
			fields url.Values
			file   []byte
			status int
			msg    string
		}{
			{"20000×20000 PNG", nil, hugePNG(t, 20000, 20000), http.StatusUnprocessableEntity, "20000×20000 pixels"},
			{"corrupt PNG", nil, []byte("\x89PNG\r\n\x1a\nthis is not a picture"), http.StatusUnprocessableEntity, "could not be read"},
			{"no CSRF token", url.Values{"_csrf": {"-"}}, testPNG(200, 200), http.StatusForbidden, ""},
		}
		for _, tt := range refusals {
			fields := maps.Clone(tt.fields)
			if fields == nil {
				fields = url.Values{}
			}
			fields.Set("display_name", "Changed")
			r := alice.postAvatar(fields, tt.file)
			wantStatus(t, tt.name, r, tt.status)
			if tt.msg != "" {
				wantBody(t, tt.name, r, tt.msg)
			}
			got := env.account("alice")
			if got.AvatarKey != a.AvatarKey || got.DisplayName != "Alice A." {
				t.Errorf("%s changed the profile: avatar %q, name %q", tt.name, got.AvatarKey, got.DisplayName)
			}
			if n := env.mediaFiles(); n != filesBefore+2 {
				t.Errorf("%s left %d media files, want %d", tt.name, n, filesBefore+2)
			}
		}

		r = alice.post("/settings/profile", url.Values{"display_name": {"Alice B."}})
		wantStatus(t, "form without a file", r, http.StatusSeeOther)
		if got := env.account("alice"); got.DisplayName != "Alice B." || got.AvatarKey != a.AvatarKey {
			t.Errorf("form without a file: name %q, avatar %q", got.DisplayName, got.AvatarKey)
		}

		wantStatus(t, "remove without CSRF", alice.post("/settings/profile/avatar/delete", url.Values{"_csrf": {"-"}}), http.StatusForbidden)
		wantStatus(t, "remove avatar", alice.post("/settings/profile/avatar/delete", nil), http.StatusSeeOther)
		if got := env.account("alice"); got.AvatarKey != "" || got.AvatarSmallKey != "" {
			t.Errorf("after removal: avatar %q / %q", got.AvatarKey, got.AvatarSmallKey)
		}
		if n := env.mediaFiles(); n != filesBefore {
			t.Errorf("after removal %d media files, want %d", n, filesBefore)
		}
		wantStatus(t, "released file", alice.get("/media/"+a.AvatarKey), http.StatusNotFound)
		wantBody(t, "profile after removal", alice.get("/@alice"), "avatar.svg")
	})
}

// postAvatar sends the profile form as multipart with file in "avatar",
// with the browser's CSRF token unless fields set _csrf ("-" leaves it out).
func (b *webBrowser) postAvatar(fields url.Values, file []byte) webResponse {
	b.env.t.Helper()
	fields = maps.Clone(fields)
	if fields == nil {
		fields = url.Values{}
	}
	switch fields.Get("_csrf") {
	case "":
		fields.Set("_csrf", b.csrf())
	case "-":
		fields.Del("_csrf")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("avatar", "me.png")
	_, _ = fw.Write(file)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.env.ts.URL+"/settings/profile", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}
