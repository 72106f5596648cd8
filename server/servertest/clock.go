package servertest

import (
	"sync"
	"time"
)

// Clock is an instance's clock: real time plus an offset a test can move,
// so that one instance can run "two hours ahead" of another.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// NewClock returns a clock showing real time.
func NewClock() *Clock { return &Clock{} }

// Now returns real time plus the offset.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward (or back, with a negative d).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}
