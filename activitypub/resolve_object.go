package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard/activitypub/vocab"
)

// FetchObject fetches a remote object (a Note) from where it lives, with
// the same checks as actors: ActivityStreams content type, size cap, and
// an id equal to its URL.
func (f *Federation) FetchObject(ctx context.Context, iri string) (*vocab.Object, error) {
	doc, err := f.fetchDocument(ctx, iri, true)
	if err != nil {
		return nil, err
	}
	if vocab.KindOf(doc.Type) != vocab.KindObject {
		return nil, permanent(fmt.Errorf("fetch object %s: type %q is not an object", iri, doc.Type))
	}
	o, err := vocab.DecodeObject(doc.Body)
	if err != nil {
		return nil, permanent(fmt.Errorf("fetch object %s: %w", iri, err))
	}
	return o, nil
}
