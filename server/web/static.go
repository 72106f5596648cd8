package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"

	"github.com/corkboard/corkboard/templates"
	"github.com/labstack/echo/v4"
)

// assets are the static files, read once and hashed, so that pages can
// link "/static/app.css?v=<hash>" and browsers may cache them for a year:
// an upgrade changes the hash and so the URL.
type assets struct {
	files map[string]asset
}

type asset struct {
	data  []byte
	hash  string
	ctype string
}

// contentType names the common types explicitly rather than reading the
// host's mime tables, so that responses do not depend on the machine.
func contentType(name string) string {
	switch ext := path.Ext(name); ext {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	default:
		return mime.TypeByExtension(ext)
	}
}

func loadAssets() (*assets, error) {
	static, err := fs.Sub(templates.FS, "static")
	if err != nil {
		return nil, fmt.Errorf("static assets: %w", err)
	}
	a := &assets{files: map[string]asset{}}
	err = fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		a.files[name] = asset{data: data, hash: hex.EncodeToString(sum[:6]), ctype: contentType(name)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static assets: %w", err)
	}
	return a, nil
}

// url returns the cache-busting URL of a static file.
func (a *assets) url(name string) string {
	if f, ok := a.files[name]; ok {
		return "/static/" + name + "?v=" + f.hash
	}
	return "/static/" + name
}

// static serves /static/*. A request carrying the current hash may be
// cached forever; one without it (pages that link "/static/app.css"
// directly) is revalidated with its ETag, so it never goes stale.
func (w *Web) static(c echo.Context) error {
	f, ok := w.assets.files[c.Param("*")]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.ctype)
	h.Set("ETag", `"`+f.hash+`"`)
	if c.QueryParam("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, no-cache")
	}
	http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(f.data))
	return nil
}
