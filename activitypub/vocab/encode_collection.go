package vocab

import (
	"encoding/json"

	"github.com/go-fed/activity/streams"
	"github.com/go-fed/activity/streams/vocab"
)

// CollectionInput is an OrderedCollection (outbox, followers, following, a
// board's pins, featured). Large collections set First and no items; small
// ones may inline their items instead.
type CollectionInput struct {
	ID         string
	TotalItems int
	First      string // the first page
	Last       string
	// Items are inline item IRIs; EmbeddedItems inline documents (at most
	// one of the two).
	Items         []string
	EmbeddedItems []json.RawMessage
}

// CollectionPageInput is one OrderedCollectionPage of a collection.
type CollectionPageInput struct {
	ID            string
	PartOf        string
	Next          string // empty on the last page
	Prev          string
	TotalItems    int
	Items         []string
	EmbeddedItems []json.RawMessage // e.g. the Create activities of an outbox page
}

// CollectionJSON returns an OrderedCollection document.
func CollectionJSON(in CollectionInput) ([]byte, error) {
	var b builder
	c := streams.NewActivityStreamsOrderedCollection()
	c.SetJSONLDId(idProperty(b.iri("id", in.ID)))
	c.SetActivityStreamsTotalItems(totalItemsProperty(in.TotalItems))
	if in.First != "" {
		first := streams.NewActivityStreamsFirstProperty()
		first.SetIRI(b.iri("first", in.First))
		c.SetActivityStreamsFirst(first)
	}
	if in.Last != "" {
		last := streams.NewActivityStreamsLastProperty()
		last.SetIRI(b.iri("last", in.Last))
		c.SetActivityStreamsLast(last)
	}
	c.SetActivityStreamsOrderedItems(orderedItemsProperty(&b, in.Items))
	return collectionJSON(&b, c, in.Items, in.EmbeddedItems, in.First == "")
}

// CollectionPageJSON returns an OrderedCollectionPage document.
func CollectionPageJSON(in CollectionPageInput) ([]byte, error) {
	var b builder
	p := streams.NewActivityStreamsOrderedCollectionPage()
	p.SetJSONLDId(idProperty(b.iri("id", in.ID)))
	partOf := streams.NewActivityStreamsPartOfProperty()
	partOf.SetIRI(b.iri("partOf", in.PartOf))
	p.SetActivityStreamsPartOf(partOf)
	p.SetActivityStreamsTotalItems(totalItemsProperty(in.TotalItems))
	if in.Next != "" {
		next := streams.NewActivityStreamsNextProperty()
		next.SetIRI(b.iri("next", in.Next))
		p.SetActivityStreamsNext(next)
	}
	if in.Prev != "" {
		prev := streams.NewActivityStreamsPrevProperty()
		prev.SetIRI(b.iri("prev", in.Prev))
		p.SetActivityStreamsPrev(prev)
	}
	p.SetActivityStreamsOrderedItems(orderedItemsProperty(&b, in.Items))
	return collectionJSON(&b, p, in.Items, in.EmbeddedItems, true)
}

// collectionJSON serializes and fixes up orderedItems: always an array
// when present (go-fed writes one item as a bare value, which Mastodon
// misreads; GoToSocial patches the same), embedded items added as objects.
func collectionJSON(b *builder, t vocab.Type, items []string, embedded []json.RawMessage, withItems bool) ([]byte, error) {
	if len(items) > 0 && len(embedded) > 0 {
		b.fail("collection: both item IRIs and embedded items")
	}
	docs := make([]any, 0, len(embedded))
	for _, raw := range embedded {
		docs = append(docs, embed(b, "orderedItems", raw))
	}
	if b.err != nil {
		return nil, b.err
	}
	d, err := serialize(t)
	if err != nil {
		return nil, err
	}
	if withItems || len(items) > 0 || len(docs) > 0 {
		d.arrays("orderedItems")
		d.appendTo("orderedItems", docs...)
	}
	return d.marshal()
}

func totalItemsProperty(n int) vocab.ActivityStreamsTotalItemsProperty {
	p := streams.NewActivityStreamsTotalItemsProperty()
	p.Set(n)
	return p
}

func orderedItemsProperty(b *builder, items []string) vocab.ActivityStreamsOrderedItemsProperty {
	if len(items) == 0 {
		return nil // collectionJSON decides whether to write []
	}
	p := streams.NewActivityStreamsOrderedItemsProperty()
	for _, u := range b.iris("orderedItems", items) {
		p.AppendIRI(u)
	}
	return p
}
