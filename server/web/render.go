package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/templates"
	"github.com/labstack/echo/v4"
)

// view is what every template gets; Page holds the page's own data.
type view struct {
	Title   string
	Path    string // the request path, to mark the current nav link
	Here    string // path and query of this page, for forms' return_to
	Query   string // what the search box shows: the search on the search page
	Account *corkboard.Account
	CSRF    string
	Flash   *flash
	BaseURL string
	Version string
	CSSURL  string
	JSURL   string
	Page    any
	// Unread is the Messages badge (conversations with unread messages
	// and requests); nil when signed out.
	Unread *corkboard.MessageUnread
	// FollowRequests counts follows waiting for the person's answer (only
	// a person who approves followers by hand has any).
	FollowRequests int64
}

// render executes a page into a buffer first, so that a template error
// never sends half a page, then writes it with status.
func (w *Web) render(c echo.Context, status int, name, title string, page any) error {
	t, ok := w.pages[name]
	if !ok {
		return fmt.Errorf("render: no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", w.view(c, title, page)); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	// Pages carry CSRF tokens and private data: never let a cache keep them.
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

func (w *Web) view(c echo.Context, title string, page any) view {
	return view{
		Title: title, Path: c.Request().URL.Path, Here: requestPath(c), Account: currentAccount(c), CSRF: csrfToken(c),
		Query: searchQuery(c), Flash: w.takeFlash(c), BaseURL: w.BaseURL, Version: w.Version,
		CSSURL: w.assets.url("app.css"), JSURL: w.assets.url("app.js"), Page: page,
		Unread: w.loadUnread(c), FollowRequests: w.countFollowRequests(c),
	}
}

// parsePages parses the shared templates ("_*.html") once, then each page
// on its own clone of them, so that every page can define "content".
func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templates.FS, "_*.html")
	if err != nil {
		return nil, fmt.Errorf("parse shared templates: %w", err)
	}
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, file := range names {
		if strings.HasPrefix(file, "_") {
			continue
		}
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(templates.FS, file)
		}
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", file, err)
		}
		pages[strings.TrimSuffix(file, ".html")] = t
	}
	return pages, nil
}

// funcs are the helpers templates may call.
func (w *Web) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":       w.assets.url,
		"avatar":      w.avatarURL,
		"avatarLarge": w.avatarLargeURL,
		"thumb":       thumb,
		"thumbSet":    thumbSet,
		"media":       mediaURL,
		"richText":    richText,
		"domain":      domain,
		"count":       countText,
		"pinURL":      pinURL,
		"boardURL":    boardURL,
		"profileURL":  profileURL,
		"remoteCard":  remoteCard,
		"followOf":    followOf,
		"boardChoice": newBoardChoice,
		"badge":       badgeCount,
	}
}

// avatarURL is where an account's small (96 px) picture is, for lists,
// pins and comments; avatarLargeURL the 400 px one, for profile pages.
// Remote people's pictures are fetched into our media too (CSP allows
// only img-src 'self'); anyone without one gets the default.
func (w *Web) avatarURL(a *corkboard.Account) string {
	if a == nil || a.AvatarSmallKey == "" {
		return w.avatarLargeURL(a)
	}
	return mediaURL(a.AvatarSmallKey)
}

func (w *Web) avatarLargeURL(a *corkboard.Account) string {
	if a == nil || a.AvatarKey == "" {
		return w.assets.url("avatar.svg")
	}
	return mediaURL(a.AvatarKey)
}

// redirect answers a form post with 303 See Other, so that reloading the
// next page does not post the form again.
func redirect(c echo.Context, to string) error { return c.Redirect(http.StatusSeeOther, to) }

func searchQuery(c echo.Context) string {
	if c.Request().URL.Path != "/search" {
		return ""
	}
	return c.QueryParam("q")
}
