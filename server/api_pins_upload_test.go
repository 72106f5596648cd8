package server_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// Refused uploads answer 413, 415 or 422 with a message a person can act
// on, and leave no pin and no file behind.
func TestAPIPinUploadRefusals(t *testing.T) {
	const limit = 1 << 20 // a small cap keeps the oversized bodies small
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`)
	corruptJPEG := append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0}, bytes.Repeat([]byte{0x42}, 2000)...)
	tests := []struct {
		name    string
		fields  map[string]string // board_id is added unless set to "-"
		file    []byte
		want    int
		message string
	}{
		{"SVG", nil, svg, http.StatusUnsupportedMediaType, "unsupported image type"},
		{"text", nil, []byte("just some words, not a picture at all"), http.StatusUnsupportedMediaType, "upload a JPEG, PNG, GIF or WebP"},
		{"corrupt JPEG", nil, corruptJPEG, http.StatusUnprocessableEntity, "could not be read"},
		{"empty file", nil, []byte{}, http.StatusUnprocessableEntity, ""},
		{"20000×20000 PNG", nil, hugePNG(t, 20000, 20000), http.StatusUnprocessableEntity, "20000×20000 pixels"},
		{"over the upload cap", nil, padded(t, limit+100<<10), http.StatusRequestEntityTooLarge, "file is too large: the limit is 1 MB"},
		{"request body over the cap", nil, padded(t, limit+(2<<20)), http.StatusRequestEntityTooLarge, "upload is too large: the limit is 1 MB"},
		{"no image", map[string]string{"title": "x"}, nil, http.StatusUnprocessableEntity, "choose an image"},
		{"two sources", map[string]string{"image_url": "https://example.com/a.png"}, pngBytes(t, 10, 10), http.StatusUnprocessableEntity, "only one of"},
		{"no board", map[string]string{"board_id": "-"}, pngBytes(t, 10, 10), http.StatusUnprocessableEntity, "board_id is required"},
		{"unknown board", map[string]string{"board_id": "999"}, pngBytes(t, 10, 10), http.StatusNotFound, "not found"},
		{"bad link", map[string]string{"link": "ftp://example.com"}, pngBytes(t, 10, 10), http.StatusUnprocessableEntity, "source link"},
	}
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			env := newPinsEnv(t, kind, func(c *server.Config) { c.MaxUploadBytes = limit })
			tok := env.token(env.admin, "")
			board := str(t, env.createBoard(tok, "Uploads", false), "id")
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					fields := map[string]string{"board_id": board}
					for k, v := range tt.fields {
						fields[k] = v
					}
					if fields["board_id"] == "-" {
						delete(fields, "board_id")
					}
					r := env.upload("/api/v1/pins", tok, fields, tt.file)
					wantAPIStatus(t, tt.name, r, tt.want)
					if msg, _ := r.JSON(t)["error"].(string); msg == "" || !strings.Contains(msg, tt.message) {
						t.Errorf("error = %q, want a message containing %q", msg, tt.message)
					}
					if n, files := env.count("pins"), env.mediaFiles(); n != 0 || files != 0 {
						t.Errorf("after a refusal: %d pins and %d media files, want none", n, files)
					}
				})
			}
		})
	}
}

// padded is a real PNG followed by zeros up to n bytes: a file that sniffs
// as an image and is refused for its size alone.
func padded(t *testing.T, n int) []byte {
	b := pngBytes(t, 10, 10)
	return append(b, make([]byte, n-len(b))...)
}
