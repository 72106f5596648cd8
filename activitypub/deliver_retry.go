package activitypub

import (
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// retryPolicy backs off exponentially from base, capped (see
// DeliveryOptions for the schedule it gives).
type retryPolicy struct {
	base, cap time.Duration
	// now is River's clock, the wall clock: River compares the time
	// returned with its own, never with Deps.Now (a test may move that).
	now func() time.Time
}

// NextRetry implements river.ClientRetryPolicy; River calls it as the
// attempt fails. It counts errors rather than attempts, as River's own
// policy does, because a snooze (a host marked unavailable, a 429) is not
// a failure.
func (p *retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	return p.now().Add(p.delay(len(job.Errors) + 1))
}

// delay is the wait after the n-th failure (n >= 1), with ±10% jitter so
// that the deliveries of one fan-out do not retry in lockstep.
func (p *retryPolicy) delay(n int) time.Duration {
	d := p.base
	for i := 1; i < n && d < p.cap; i++ {
		d *= 2
	}
	d = min(d, p.cap)
	jitter := 0.9 + 0.2*rand.Float64()
	return time.Duration(float64(d) * jitter)
}
