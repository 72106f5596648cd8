package activitypub

import (
	"context"
	"sync"
	"time"

	"github.com/corkboard/corkboard"
)

// hostLimits is this process's view of the hosts it delivers to: a
// semaphore per host, so that a large fan-out never sends one server more
// than PerHost requests at once, and when each unavailable host was last
// probed. The map lock guards only the maps; waiting for a slot happens
// on the host's own channel, so hosts never wait on each other.
type hostLimits struct {
	perHost int
	mu      sync.Mutex
	slots   map[string]chan struct{}
	probes  map[string]time.Time
}

func newHostLimits(perHost int) *hostLimits {
	return &hostLimits{perHost: perHost, slots: make(map[string]chan struct{}), probes: make(map[string]time.Time)}
}

// acquire takes one of host's slots, waiting up to wait for one to free
// up. ok is false when none did (the caller snoozes its job rather than
// hold a worker).
func (l *hostLimits) acquire(ctx context.Context, host string, wait time.Duration) (release func(), ok bool) {
	l.mu.Lock()
	slot, found := l.slots[host]
	if !found {
		slot = make(chan struct{}, l.perHost)
		l.slots[host] = slot
	}
	l.mu.Unlock()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, true
	case <-timer.C:
	case <-ctx.Done():
	}
	return nil, false
}

// claimProbe reports whether a delivery to an unavailable host may go
// through as the probe that finds out whether it is back: one per
// interval per host in this process (several processes probe a little
// more often, which is harmless).
func (l *hostLimits) claimProbe(host string, now time.Time, interval time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if last, ok := l.probes[host]; ok && now.Sub(last) < interval {
		return false
	}
	l.probes[host] = now
	return true
}

// hostAnswered records that a host answered: any response but a server
// error shows it is reachable, so its failures are forgiven. A healthy
// host is written at most once a minute, not once per delivery.
func (f *Federation) hostAnswered(ctx context.Context, h *corkboard.HostHealth) {
	now := f.Now()
	if h.Failures == 0 && h.UnavailableSince.IsZero() && now.Sub(h.LastSuccessAt) < time.Minute {
		return
	}
	if !h.UnavailableSince.IsZero() {
		f.Log.Info("host is reachable again", "host", h.Host, "unavailable_since", h.UnavailableSince)
	}
	h.Failures, h.FirstFailureAt, h.UnavailableSince, h.LastSuccessAt = 0, time.Time{}, time.Time{}, now
	if err := f.Store.SaveHostHealth(ctx, h); err != nil {
		f.Log.Warn("record host health", "host", h.Host, "err", err)
	}
}

// hostFailed records a failed delivery (network error, 408, 5xx) and
// marks the host unavailable once it has failed without a success for
// UnavailableAfter, or UnavailableFailures times in a row. Concurrent
// failures may lose a count; the rule only needs to be roughly right.
func (f *Federation) hostFailed(ctx context.Context, host string) {
	h, err := f.Store.HostHealth(ctx, host)
	if err != nil {
		f.Log.Warn("read host health", "host", host, "err", err)
		return
	}
	now, opts := f.Now(), f.Delivery
	if h.Failures == 0 {
		h.FirstFailureAt = now
	}
	h.Failures++
	if h.UnavailableSince.IsZero() && (h.Failures >= opts.UnavailableFailures ||
		(h.Failures > 1 && now.Sub(h.FirstFailureAt) >= opts.UnavailableAfter)) {
		h.UnavailableSince = now
		f.Log.Warn("host marked unavailable", "host", host, "failures", h.Failures, "failing_since", h.FirstFailureAt)
	}
	if err := f.Store.SaveHostHealth(ctx, h); err != nil {
		f.Log.Warn("record host health", "host", host, "err", err)
	}
}
