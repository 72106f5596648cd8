package activitypub

import (
	"encoding/xml"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// hostMeta answers /.well-known/host-meta (RFC 6415) with the WebFinger
// template. Mastodon and Friendica consult it before WebFinger when a
// server's WebFinger might live elsewhere.
func (f *Federation) hostMeta(c echo.Context) error {
	var tmpl strings.Builder
	_ = xml.EscapeText(&tmpl, []byte(f.BaseURL+"/.well-known/webfinger?resource={uri}")) // a Builder never fails
	body := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">` + "\n" +
		`  <Link rel="lrdd" type="application/jrd+json" template="` + tmpl.String() + `"/>` + "\n" +
		`</XRD>` + "\n"
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, "*")
	return c.Blob(http.StatusOK, "application/xrd+xml; charset=utf-8", []byte(body))
}
