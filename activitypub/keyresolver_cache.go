package activitypub

import (
	"sync"
	"time"

	"github.com/corkboard/corkboard/activitypub/signature"
)

const (
	// maxMemoKeys bounds the parsed keys kept in memory. Parsing a PEM
	// costs more than verifying with it (RSA-4096 keys especially).
	maxMemoKeys = 10000
	// refetchWindow is how often one key may be refetched because a
	// signature did not verify with it.
	refetchWindow = 10 * time.Minute
	// maxRefetchEntries bounds the refetch limiter's memory.
	maxRefetchEntries = 4096
)

// keyMemo keeps parsed remote public keys by key id.
type keyMemo struct {
	mu   sync.Mutex
	keys map[string]*signature.PublicKey
}

func newKeyMemo() *keyMemo { return &keyMemo{keys: map[string]*signature.PublicKey{}} }

func (m *keyMemo) get(id string) *signature.PublicKey {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.keys[id]
}

func (m *keyMemo) put(pk *signature.PublicKey) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.keys) >= maxMemoKeys {
		for id := range m.keys { // map order is random: drop about half
			if len(m.keys) < maxMemoKeys/2 {
				break
			}
			delete(m.keys, id)
		}
	}
	m.keys[pk.ID] = pk
}

func (m *keyMemo) forget(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.keys, id)
}

// refetchLimiter remembers when each key was last refetched.
type refetchLimiter struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func newRefetchLimiter() *refetchLimiter { return &refetchLimiter{last: map[string]time.Time{}} }

// allow reports whether keyID may be refetched now, and if so records it.
// When the table is full of recent entries it refuses: under a flood of
// bad signatures, no refetch is the safe answer.
func (l *refetchLimiter) allow(keyID string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t, ok := l.last[keyID]; ok && now.Sub(t) < refetchWindow && !now.Before(t) {
		return false
	}
	if len(l.last) >= maxRefetchEntries {
		for id, t := range l.last {
			if now.Sub(t) >= refetchWindow {
				delete(l.last, id)
			}
		}
		if len(l.last) >= maxRefetchEntries {
			return false
		}
	}
	l.last[keyID] = now
	return true
}
