package api

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestParamsAndList(t *testing.T) {
	tests := []struct {
		name, query, contentType, body string
		want                           []string // list(p, "redirect_uris")
		wantScopes                     string
	}{
		{"query", "redirect_uris=a+b&scopes=read", "", "", []string{"a", "b"}, "read"},
		{"form over query", "scopes=read", "application/x-www-form-urlencoded", "redirect_uris=a%0Ab&scopes=write", []string{"a", "b"}, "write"},
		{"form array", "", "application/x-www-form-urlencoded", "redirect_uris[]=a&redirect_uris[]=b", []string{"a", "b"}, ""},
		{"json array", "", "application/json; charset=utf-8", `{"redirect_uris":["a","b"],"scopes":"read"}`, []string{"a", "b"}, "read"},
		{"json string and number", "", "application/json", `{"redirect_uris":"a","scopes":1000000}`, []string{"a"}, "1000000"},
	}
	e := echo.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/apps?"+tt.query, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.contentType)
			p, err := params(e.NewContext(req, httptest.NewRecorder()))
			if err != nil {
				t.Fatal(err)
			}
			if got := list(p, "redirect_uris"); !reflect.DeepEqual(got, tt.want) || p.Get("scopes") != tt.wantScopes {
				t.Fatalf("redirect_uris = %q, scopes = %q; want %q, %q", got, p.Get("scopes"), tt.want, tt.wantScopes)
			}
		})
	}
}

func TestParamsRejectsBadJSON(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/api/v1/apps", strings.NewReader(`{"client_name":`))
	req.Header.Set("Content-Type", "application/json")
	if _, err := params(echo.New().NewContext(req, httptest.NewRecorder())); err == nil {
		t.Fatal("truncated JSON was accepted")
	}
}
