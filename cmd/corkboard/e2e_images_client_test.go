package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// apiCaller calls the running server's client API with a bearer token.
type apiCaller struct {
	t     *testing.T
	base  string
	token string
	http  *http.Client
}

func (c *apiCaller) createBoard(title string) string {
	c.t.Helper()
	status, board := c.send(http.MethodPost, "/api/v1/boards", "application/x-www-form-urlencoded",
		bytes.NewBufferString(url.Values{"title": {title}}.Encode()))
	if status != http.StatusOK {
		c.t.Fatalf("create board: %d %v", status, board)
	}
	return board["id"].(string)
}

// uploadPin posts file as a new pin on board, as multipart/form-data.
func (c *apiCaller) uploadPin(board string, file []byte) (int, map[string]any) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("board_id", board)
	fw, _ := mw.CreateFormFile("file", "upload")
	_, _ = fw.Write(file)
	_ = mw.Close()
	return c.send(http.MethodPost, "/api/v1/pins", mw.FormDataContentType(), &buf)
}

func (c *apiCaller) send(method, path, contentType string, body *bytes.Buffer) (int, map[string]any) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, text := fetch(c.t, c.http, req)
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		c.t.Fatalf("%s %s: %d, not JSON: %v\n%s", method, path, resp.StatusCode, err, text)
	}
	return resp.StatusCode, m
}

// fetchMedia downloads a stored image by the absolute URL the API gave.
func (c *apiCaller) fetchMedia(u string) []byte {
	c.t.Helper()
	if !strings.HasPrefix(u, c.base+"/media/") {
		c.t.Fatalf("media URL %q is not under %s/media/", u, c.base)
	}
	resp, body := get(c.t, c.http, u)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/jpeg" {
		c.t.Fatalf("GET %s: %d %s", u, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return []byte(body)
}
