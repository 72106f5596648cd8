package api

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// params reads a request's parameters the way Mastodon clients send them:
// in the query string, a form body or a JSON body; the body wins.
func params(c echo.Context) (url.Values, error) {
	v := c.QueryParams()
	merged := make(url.Values, len(v))
	for k, vs := range v {
		merged[k] = vs
	}
	body, err := bodyParams(c)
	if err != nil {
		return nil, err
	}
	for k, vs := range body {
		merged[k] = vs
	}
	return merged, nil
}

func bodyParams(c echo.Context) (url.Values, error) {
	r := c.Request()
	if r.Method == http.MethodGet || r.ContentLength == 0 {
		return nil, nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEApplicationJSON {
		form, err := c.FormParams()
		if err != nil {
			return nil, echo.NewHTTPError(http.StatusBadRequest, "The request body could not be read")
		}
		return form, nil
	}
	var doc map[string]any
	dec := json.NewDecoder(r.Body)
	dec.UseNumber() // keeps 1000000 from turning into "1e+06"
	if err := dec.Decode(&doc); err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest, "The request body is not valid JSON")
	}
	out := url.Values{}
	for k, val := range doc {
		switch val := val.(type) {
		case []any:
			for _, item := range val {
				out.Add(k, scalar(item))
			}
		case map[string]any, nil:
			// Nested objects are not parameters of any endpoint here.
		default:
			out.Set(k, scalar(val))
		}
	}
	return out, nil
}

func scalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// list reads a parameter that may be one space- or newline-separated
// string or an array (JSON, or Rails-style "name[]" form fields).
func list(p url.Values, name string) []string {
	var out []string
	for _, v := range append(p[name], p[name+"[]"]...) {
		out = append(out, strings.Fields(v)...)
	}
	return out
}
