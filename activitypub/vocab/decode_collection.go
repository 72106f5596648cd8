package vocab

// Collection is a received Collection, OrderedCollection or one of their
// pages (followers, outbox, featured, replies).
type Collection struct {
	LDContext  LDContext `json:"@context"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	TotalItems int       `json:"totalItems"`
	// First is the first page: an IRI (GoToSocial, Mastodon) or an
	// embedded page (Mastodon's replies).
	First  Ref `json:"first"`
	Last   IRI `json:"last"`
	Next   IRI `json:"next"`
	Prev   IRI `json:"prev"`
	PartOf IRI `json:"partOf"`
	// OrderedItems and Items hold IRIs or embedded objects (Mastodon's
	// outbox embeds Create activities). Use All.
	OrderedItems Refs `json:"orderedItems"`
	Items        Refs `json:"items"`
}

// All returns orderedItems, or items when there are no ordered ones.
func (c *Collection) All() Refs {
	if len(c.OrderedItems) > 0 {
		return c.OrderedItems
	}
	return c.Items
}

// IsPage reports whether the document is a page of a collection.
func (c *Collection) IsPage() bool {
	return c.Type == "CollectionPage" || c.Type == "OrderedCollectionPage"
}
