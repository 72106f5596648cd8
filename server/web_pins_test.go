package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A board made and a pin uploaded through the HTML forms show up where
// people look for them: the board's grid (236 px thumbnail) and the pin's
// own page (736 px image, description, source link).
func TestWebBoardAndPinUpload(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		board := env.createBoard(alice, "alice", "Bread & Butter", false)
		p := env.uploadPin(alice, board, "Sourdough #bread from https://bake.example/loaf", "https://www.bakery.example/recipe")

		thumb, large := p.Image.Variant(236), p.Image.Variant(736)
		if thumb.Width != 236 || thumb.Key == p.Image.Key {
			t.Fatalf("236 variant = %+v", thumb)
		}
		page := env.browser().get("/@alice/" + board.Slug)
		wantStatus(t, "board page", page, http.StatusOK)
		wantBody(t, "board page", page, "Bread &amp; Butter", `src="/media/`+thumb.Key+`"`,
			`width="236" height="`+id(int64(thumb.Height))+`"`, `loading="lazy"`, `data-color="#`, "1 pin")

		r := env.browser().get("/pins/" + id(p.ID))
		wantStatus(t, "pin page", r, http.StatusOK)
		wantBody(t, "pin page", r, `src="/media/`+large.Key+`"`, `href="/media/`+p.Image.Key+`"`,
			`Sourdough <a class="tag-link" href="/tags/bread">#bread</a>`,
			`<a href="https://bake.example/loaf" rel="nofollow ugc noopener" target="_blank">bake.example/loaf</a>`,
			`href="https://www.bakery.example/recipe" rel="nofollow ugc noopener" target="_blank"`, "bakery.example")

		img := env.browser().get("/media/" + thumb.Key)
		wantStatus(t, "thumbnail", img, http.StatusOK)
		if ct := img.header.Get("Content-Type"); !strings.HasPrefix(ct, "image/") {
			t.Fatalf("thumbnail Content-Type %q", ct)
		}
		wantBody(t, "tag page", env.browser().get("/tags/Bread"), `src="/media/`+thumb.Key+`"`)
		wantBody(t, "search", env.browser().get("/search?q=sourdough"), `src="/media/`+thumb.Key+`"`)
		wantBody(t, "profile", env.browser().get("/@alice"), "Bread &amp; Butter", `src="/media/`+thumb.Key+`"`, "1 pin")
		wantBody(t, "home feed", alice.get("/"), `src="/media/`+thumb.Key+`"`, `action="/pins/`+id(p.ID)+`/save"`)
	})
}

// The other two image sources refuse addresses that are not on the web,
// and say so on the form, keeping what was typed.
func TestWebPinFromURLRefusals(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		board := env.createBoard(alice, "alice", "Links", false)
		tests := []struct {
			name   string
			form   url.Values
			status int
			msg    string
		}{
			{"image URL on a private network", url.Values{"source": {"image_url"}, "image_url": {"http://127.0.0.1:1/x.png"}},
				http.StatusForbidden, "private network"},
			{"page URL that is not http", url.Values{"source": {"page_url"}, "page_url": {"ftp://example.com/"}},
				http.StatusUnprocessableEntity, "must be a web address"},
			{"no image at all", url.Values{"source": {"upload"}}, http.StatusUnprocessableEntity, "Choose an image"},
			{"javascript source link", url.Values{"source": {"upload"}, "link": {"javascript:alert(1)"}},
				http.StatusUnprocessableEntity, "source link must be a web address"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.form.Set("board_id", id(board.ID))
				tt.form.Set("description", "kept text")
				r := alice.postFile("/pins", tt.form, "", nil)
				wantStatus(t, tt.name, r, tt.status)
				wantBody(t, tt.name, r, tt.msg, ">kept text</textarea>", `role="alert"`)
			})
		}
		if n := env.count("pins"); n != 0 {
			t.Fatalf("%d pins stored", n)
		}
	})
}

// An SVG is refused with 415 and the pipeline's message, on the form with
// the typed text, and nothing is stored: no pin, no file.
func TestWebSVGUploadRefused(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		board := env.createBoard(alice, "alice", "Vectors", false)
		svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`)
		r := alice.postFile("/pins", url.Values{"source": {"upload"}, "board_id": {id(board.ID)}, "title": {"My logo"}}, "logo.svg", svg)
		wantStatus(t, "SVG upload", r, http.StatusUnsupportedMediaType)
		wantBody(t, "SVG upload", r, "Unsupported image type: SVG", "upload a JPEG, PNG, GIF or WebP", `value="My logo"`, `role="alert"`)
		if n, files := env.count("pins"), env.mediaFiles(); n != 0 || files != 0 {
			t.Fatalf("after a refused SVG: %d pins, %d media files", n, files)
		}
	})
}

// The upload form is a POST like any other: without the CSRF token it
// changes nothing; a body over the upload cap is refused with 413.
func TestWebPinUploadLimits(t *testing.T) {
	env := newPinEnv(t, "sqlite")
	alice := env.signedIn("alice", false)
	board := env.createBoard(alice, "alice", "Limits", false)
	form := url.Values{"source": {"upload"}, "board_id": {id(board.ID)}}

	noToken := url.Values{"_csrf": {"-"}, "source": {"upload"}, "board_id": {id(board.ID)}}
	wantStatus(t, "upload without CSRF token", alice.postFile("/pins", noToken, "a.png", testPNG(20, 20)), http.StatusForbidden)
	wrongToken := url.Values{"_csrf": {"wrong"}, "source": {"upload"}, "board_id": {id(board.ID)}}
	wantStatus(t, "upload with a wrong token", alice.postFile("/pins", wrongToken, "a.png", testPNG(20, 20)), http.StatusForbidden)

	r := alice.postFile("/pins", form, "big.png", make([]byte, 22<<20))
	wantStatus(t, "upload over the cap", r, http.StatusRequestEntityTooLarge)
	wantBody(t, "upload over the cap", r, "The file is too large: the limit is 20 MB.")

	r = env.browser().postFile("/pins", form, "a.png", testPNG(20, 20))
	wantStatus(t, "signed-out upload", r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Fatalf("signed-out upload goes to %q", loc)
	}
	if n, files := env.count("pins"), env.mediaFiles(); n != 0 || files != 0 {
		t.Fatalf("after refused uploads: %d pins, %d media files", n, files)
	}
}
