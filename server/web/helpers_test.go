package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"/", "/"},
		{"/settings/profile?tab=1", "/settings/profile?tab=1"},
		{"//evil.example/", ""},
		{"/\\evil.example", ""},
		{"https://evil.example/", ""},
		{"javascript:alert(1)", ""},
		{"relative/path", ""},
		{"/ok\r\nSet-Cookie: x", ""},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"wrong username or password", "Wrong username or password."},
		{"already a sentence.", "Already a sentence."},
		{"ünïcode start", "Ünïcode start."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := sentence(tt.in); got != tt.want {
			t.Errorf("sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFlashRoundTrip(t *testing.T) {
	w := newTestWeb()
	e := echo.New()
	rec := httptest.NewRecorder()
	w.setFlash(e.NewContext(httptest.NewRequest(http.MethodPost, "/", nil), rec), "success", "Profile saved.\nReally")

	req := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, c := range rec.Result().Cookies() {
		req.AddCookie(c)
	}
	rec2 := httptest.NewRecorder()
	f := w.takeFlash(e.NewContext(req, rec2))
	if f == nil || f.Kind != "success" || f.Message != "Profile saved.\nReally" {
		t.Fatalf("takeFlash = %+v", f)
	}
	if got := rec2.Result().Cookies(); len(got) != 1 || got[0].MaxAge >= 0 {
		t.Fatalf("the flash cookie was not cleared: %+v", got)
	}
}

func TestForgedFlashKindIsIgnored(t *testing.T) {
	w := newTestWeb()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.AddCookie(&http.Cookie{Name: flashCookie, Value: "bm90LWEta2luZApoaQ"}) // "not-a-kind\nhi"
	if f := w.takeFlash(echo.New().NewContext(req, httptest.NewRecorder())); f != nil {
		t.Fatalf("takeFlash = %+v, want nil", f)
	}
}
