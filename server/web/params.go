package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// pageSize is how many pins a grid shows at a time: enough to fill a wide
// screen twice, few enough that the first paint stays quick.
const pageSize = 30

// idParam reads a numeric path parameter. Anything that is not a positive
// number is answered like an id that does not exist.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.ErrNotFound
	}
	return id, nil
}

// formID reads a numeric form field; a missing or malformed one is 0,
// which the Service refuses with its own message.
func formID(c echo.Context, name string) int64 {
	id, _ := strconv.ParseInt(strings.TrimSpace(c.FormValue(name)), 10, 64)
	return id
}

// cursor is the keyset cursor of a grid page, "?before=<id>"; 0 is the
// first page.
func cursor(c echo.Context) int64 {
	n, err := strconv.ParseInt(c.QueryParam("before"), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// nextURL is the link to the page after this one: the same path and query
// with before=next, or "" at the end.
func nextURL(c echo.Context, next int64) string {
	if next == 0 {
		return ""
	}
	q := c.Request().URL.Query()
	q.Set("before", strconv.FormatInt(next, 10))
	return c.Request().URL.Path + "?" + q.Encode()
}

// backTo is where an action sends the browser afterwards: the page's own
// return_to when it is a path on this site, else fallback.
func backTo(c echo.Context, fallback string) string {
	if next := safeNext(c.FormValue("return_to")); next != "" {
		return next
	}
	return fallback
}

// postedReturnTo is the return_to of an ordinary form post. Multipart
// bodies are not read here: only the upload handler may parse those,
// under its own size cap.
func postedReturnTo(c echo.Context) string {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	if !strings.HasPrefix(ct, echo.MIMEApplicationForm) {
		return ""
	}
	return safeNext(c.FormValue("return_to"))
}

// loginFor sends a signed-out visitor to the log-in page, coming back to
// next afterwards.
func loginFor(c echo.Context, next string) error {
	if next == "" {
		return redirect(c, "/login")
	}
	return redirect(c, "/login?next="+url.QueryEscape(next))
}

// requestPath is the current page's path and query, for return_to fields.
func requestPath(c echo.Context) string {
	if c.Request().Method != http.MethodGet {
		return c.Request().URL.Path
	}
	return c.Request().URL.RequestURI()
}

func formatID(id int64) string { return strconv.FormatInt(id, 10) }
