package activitypub

import (
	"sync"
	"time"
)

// docCache keeps the serialized documents we serve most (actors, pins,
// the activities of outbox pages): encoding one through go-fed's streams
// costs about 58 µs, a map lookup well under one.
//
// Entries are keyed by what they describe and stamped with a version,
// the described row's UpdatedAt: a handler loads the row anyway (to check
// that it may be shown), so a changed row simply misses and is encoded
// again. Nothing has to be invalidated, and no stale document can be
// served after a change commits. The TTL only bounds what a version does
// not capture (a saved-from original deleted since) and the memory of
// entries no one asks for.
type docCache struct {
	mu      sync.Mutex
	entries map[string]docEntry
	now     func() time.Time
	max     int
	ttl     time.Duration
}

type docEntry struct {
	body    []byte
	version time.Time
	stored  time.Time
}

func newDocCache(now func() time.Time) *docCache {
	return &docCache{entries: make(map[string]docEntry), now: now, max: 4096, ttl: 10 * time.Minute}
}

// get returns the cached document of key at version, if any.
func (c *docCache) get(key string, version time.Time) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !e.version.Equal(version) || c.now().Sub(e.stored) > c.ttl {
		return nil, false
	}
	return e.body, true
}

// put stores a document. When full it drops an arbitrary tenth of the
// entries (Go's map order is random): cheaper than an LRU list, and a
// dropped document only costs one more encoding.
func (c *docCache) put(key string, version time.Time, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		n := c.max / 10
		for k := range c.entries {
			if n--; n < 0 {
				break
			}
			delete(c.entries, k)
		}
	}
	c.entries[key] = docEntry{body: body, version: version, stored: c.now()}
}

// cached returns the document of key at version, building and storing it
// on a miss. Two concurrent misses both build; the result is the same.
func (f *Federation) cached(key string, version time.Time, build func() ([]byte, error)) ([]byte, error) {
	if body, ok := f.docs.get(key, version); ok {
		return body, nil
	}
	body, err := build()
	if err != nil {
		return nil, err
	}
	f.docs.put(key, version, body)
	return body, nil
}
