package activitypub

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// jrd is a WebFinger answer (RFC 7033), in the shape Mastodon writes and
// reads: subject, aliases, and links to the actor and its page.
type jrd struct {
	Subject string    `json:"subject"`
	Aliases []string  `json:"aliases"`
	Links   []jrdLink `json:"links"`
}

type jrdLink struct {
	Rel  string `json:"rel"`
	Type string `json:"type,omitempty"`
	Href string `json:"href"`
}

// webfinger answers /.well-known/webfinger?resource=... for a person
// (acct:alice@host), a public board (acct:alice.recipes@host), the
// instance actor (acct:host@host), or any of their IRIs or pages. The
// host may carry a port, as in acct:alice@127.0.0.2:41234.
func (f *Federation) webfinger(c echo.Context) error {
	resource := c.QueryParam("resource")
	if resource == "" {
		return corkboard.Errorf(corkboard.EINVALID, "resource is required")
	}
	doc, err := f.lookupResource(c.Request().Context(), resource)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderAccessControlAllowOrigin, "*") // browser clients resolve handles too
	h.Set(echo.HeaderContentType, "application/jrd+json; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	return jsonEncoder(c.Response()).Encode(doc)
}

// lookupResource finds what a resource names: a handle, an IRI or a page.
func (f *Federation) lookupResource(ctx context.Context, resource string) (*jrd, error) {
	name, ok := f.localName(ctx, resource)
	if !ok {
		return nil, notFound()
	}
	if name == f.host {
		return f.jrd(name, f.instanceActorIRI(), f.BaseURL+"/"), nil
	}
	if owner, slug, isBoard := strings.Cut(name, "."); isBoard {
		b, err := f.Service.Board(ctx, nil, owner, slug) // a secret board is not found
		if err != nil || b.IRI != "" || hidden(b.Account) {
			return nil, notFound()
		}
		return f.jrd(name, f.boardIRI(b.ID), f.boardURL(b)), nil
	}
	a, err := f.Service.PublicProfile(ctx, name)
	if err != nil {
		return nil, notFound()
	}
	return f.jrd(a.Username, f.personIRI(a.Username), f.profileURL(a.Username)), nil
}

// localName returns the local name a resource names: "alice" or
// "alice.recipes" (or our host, for the instance actor), from
// acct:name@host (the "acct:" is optional, as Mastodon allows) or from one
// of our IRIs or pages.
func (f *Federation) localName(ctx context.Context, resource string) (string, bool) {
	if iri, ok := strings.CutPrefix(resource, f.BaseURL+"/"); ok {
		return f.nameFromPath(ctx, iri)
	}
	acct := strings.TrimPrefix(resource, "acct:")
	i := strings.LastIndex(acct, "@")
	if i <= 0 || !strings.EqualFold(acct[i+1:], f.host) {
		return "", false
	}
	return strings.ToLower(strings.TrimPrefix(acct[:i], "@")), true
}

// nameFromPath maps the path of an IRI or page to a local name.
func (f *Federation) nameFromPath(ctx context.Context, path string) (string, bool) {
	parts := strings.Split(path, "/")
	switch {
	case len(parts) == 1 && parts[0] == "actor":
		return f.host, true
	case len(parts) == 2 && parts[0] == "users":
		return strings.ToLower(parts[1]), true
	case len(parts) == 1 && strings.HasPrefix(parts[0], "@"):
		return strings.ToLower(parts[0][1:]), true
	case len(parts) == 2 && strings.HasPrefix(parts[0], "@"):
		return strings.ToLower(parts[0][1:] + "." + parts[1]), true
	case len(parts) == 2 && parts[0] == "boards":
		return f.boardName(ctx, parts[1])
	}
	return "", false
}

// boardName turns a board id into its handle name, if it is public.
func (f *Federation) boardName(ctx context.Context, rawID string) (string, bool) {
	id, err := strconv.ParseInt(rawID, 10, 64)
	if err != nil {
		return "", false
	}
	b, err := f.Service.BoardByID(ctx, nil, id)
	if err != nil || b.IRI != "" {
		return "", false
	}
	return boardHandle(b), true
}

func (f *Federation) jrd(name, iri, page string) *jrd {
	return &jrd{
		Subject: "acct:" + name + "@" + f.host,
		Aliases: []string{iri, page},
		Links: []jrdLink{
			{Rel: "http://webfinger.net/rel/profile-page", Type: "text/html", Href: page},
			{Rel: "self", Type: activityJSON, Href: iri},
		},
	}
}
