package corkboard

import (
	"context"
	"net"
	"strings"
	"sync"
	"time"
)

// blockCacheTTL bounds how long a block made by another process (the
// admin CLI) takes to apply here; blocks made through this Service apply
// at once.
const blockCacheTTL = 30 * time.Second

// blockCache keeps the domain block list in memory: every inbox request
// and remote fetch consults it.
type blockCache struct {
	mu       sync.Mutex
	list     blockList
	loadedAt time.Time
}

// blockList maps normalized domains to their blocks.
type blockList map[string]*DomainBlock

func newBlockCache() *blockCache { return &blockCache{} }

func (c *blockCache) get(ctx context.Context, store Store, now time.Time) (blockList, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && now.Sub(c.loadedAt) < blockCacheTTL && now.After(c.loadedAt.Add(-time.Second)) {
		return c.list, nil
	}
	bs, err := store.DomainBlocks(ctx)
	if err != nil {
		return nil, err
	}
	list := make(blockList, len(bs))
	for _, b := range bs {
		list[b.Domain] = b
	}
	c.list, c.loadedAt = list, now
	return list, nil
}

func (c *blockCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list = nil
}

func (l blockList) empty() bool { return len(l) == 0 }

// match returns the most severe block on domain or any parent domain.
func (l blockList) match(domain string) *DomainBlock {
	var found *DomainBlock
	for d := domain; d != ""; {
		if b := l[d]; b != nil && (found == nil || b.Severity == SeveritySuspend) {
			found = b
		}
		_, parent, ok := strings.Cut(d, ".")
		if !ok {
			break
		}
		d = parent
	}
	return found
}

// normalizeASCIIHost is the default NormalizeHost: lowercase, without
// port or trailing dot. It refuses non-ASCII names, which need IDNA
// mapping (the server installs a normalizer that does it).
func normalizeASCIIHost(host string) (string, error) {
	h := strings.TrimSpace(host)
	if strings.HasPrefix(h, "[") || strings.Count(h, ":") == 1 {
		if hh, _, err := net.SplitHostPort(h); err == nil {
			h = hh
		}
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	for _, r := range h {
		if r >= 0x80 || r <= ' ' || r == '/' || r == '@' {
			return "", Errorf(EINVALID, "unusable host name %q", host)
		}
	}
	return h, nil
}
