package activitypub

import (
	"fmt"
	"testing"
	"time"
)

func TestRefetchLimiter(t *testing.T) {
	l := newRefetchLimiter()
	t0 := time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)
	if !l.allow("k", t0) || l.allow("k", t0.Add(time.Minute)) {
		t.Fatal("a second refetch within the window was allowed")
	}
	if !l.allow("k", t0.Add(refetchWindow)) {
		t.Fatal("a refetch after the window was refused")
	}
	for i := 0; len(l.last) < maxRefetchEntries; i++ {
		l.allow(fmt.Sprint("flood", i), t0)
	}
	if l.allow("new", t0.Add(time.Second)) {
		t.Fatal("a full table of recent refetches still allowed one more")
	}
	if !l.allow("new", t0.Add(2*refetchWindow)) || len(l.last) > maxRefetchEntries {
		t.Fatalf("expired entries were not evicted (%d entries)", len(l.last))
	}
}
