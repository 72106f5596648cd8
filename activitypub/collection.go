package activitypub

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// Collections are paged as Mastodon pages them: the collection itself
// carries totalItems and a link to its first page only; pages hold 20
// items, newest first, and link to each other by keyset cursors on the
// items' ids (?max_id= for older, ?min_id= for newer), so a page costs
// the same at the start and at item 100 000.
const pageSize = 20

// pageQuery is the page a request asks for; page is false for the
// collection itself.
type pageQuery struct {
	page          bool
	before, after int64 // max_id, min_id
}

// readPage reads ?page, ?max_id and ?min_id.
func readPage(c echo.Context) pageQuery {
	cursor := func(name string) int64 {
		n, _ := strconv.ParseInt(c.QueryParam(name), 10, 64)
		return max(n, 0)
	}
	q := pageQuery{before: cursor("max_id"), after: cursor("min_id")}
	q.page = c.QueryParam("page") != "" || q.before > 0 || q.after > 0
	return q
}

// pageItems is one page's items, newest first: the cursor (id) of each,
// and either their IRIs or their embedded documents.
type pageItems struct {
	cursors []int64
	iris    []string
	docs    []json.RawMessage
}

// pageLoader loads up to limit items on the side of the cursor q names.
type pageLoader func(ctx context.Context, q pageQuery, limit int) (*pageItems, error)

// serveCollection answers a collection request: the collection, or the
// page asked for. load is asked for one item more than a page holds, to
// learn whether there is a next page without counting.
func (f *Federation) serveCollection(c echo.Context, id string, total int64, load pageLoader) error {
	q := readPage(c)
	var body []byte
	var err error
	if !q.page {
		body, err = vocab.CollectionJSON(vocab.CollectionInput{ID: id, TotalItems: int(total), First: id + "?page=true"})
	} else {
		var items *pageItems
		if items, err = load(c.Request().Context(), q, pageSize+1); err == nil {
			body, err = vocab.CollectionPageJSON(pageDocument(id, total, q, items))
		}
	}
	if err != nil {
		return fmt.Errorf("collection %s: %w", id, err)
	}
	return serveActivity(c, body)
}

// pageDocument trims the probe item and links the neighbouring pages.
func pageDocument(id string, total int64, q pageQuery, it *pageItems) vocab.CollectionPageInput {
	more := len(it.cursors) > pageSize
	if more && q.after > 0 { // walking towards newer items: the extra one is the newest
		it.cursors, it.iris, it.docs = it.cursors[1:], tail(it.iris), tail(it.docs)
	} else if more {
		it.cursors, it.iris, it.docs = it.cursors[:pageSize], head(it.iris), head(it.docs)
	}
	p := vocab.CollectionPageInput{ID: id + "?page=true", PartOf: id, TotalItems: int(total), Items: it.iris, EmbeddedItems: it.docs}
	switch {
	case q.after > 0:
		p.ID = id + "?min_id=" + strconv.FormatInt(q.after, 10)
	case q.before > 0:
		p.ID = id + "?max_id=" + strconv.FormatInt(q.before, 10)
	}
	if n := len(it.cursors); n > 0 {
		if more || q.after > 0 {
			p.Next = id + "?max_id=" + strconv.FormatInt(it.cursors[n-1], 10)
		}
		if (more && q.after > 0) || q.before > 0 {
			p.Prev = id + "?min_id=" + strconv.FormatInt(it.cursors[0], 10)
		}
	}
	return p
}

func head[T any](s []T) []T {
	if len(s) > pageSize {
		return s[:pageSize]
	}
	return s
}

func tail[T any](s []T) []T {
	if len(s) > pageSize {
		return s[len(s)-pageSize:]
	}
	return s
}
