package activitypub

import (
	"time"

	"github.com/riverqueue/river"
)

// QueueConfig returns the River configuration of this instance's workers
// (delivery and inbox processing), or nil while there are none. The server
// builds and starts the client on its database.
func (f *Federation) QueueConfig() *river.Config {
	workers := river.NewWorkers()
	n := f.addWorkers(workers)
	if n == 0 {
		return nil
	}
	return &river.Config{
		Workers:     workers,
		Queues:      f.queues(),
		RetryPolicy: f.retryPolicy(),
		Logger:      f.Log,
		// 0 keeps River's defaults (poll every 1 s, at most every
		// 100 ms); tests poll faster.
		FetchPollInterval: f.Delivery.PollInterval,
		FetchCooldown:     min(f.Delivery.PollInterval, 100*time.Millisecond),
		// A job still "running" well past its timeout was left by a
		// process that died; River's rescuer retries it (each job's own
		// Timeout is waited for first, so inbox processing keeps its
		// longer one). Receivers keep each activity id once, so a
		// delivery that did reach its inbox before the crash is harmless
		// to repeat.
		JobTimeout:           f.Delivery.Timeout,
		RescueStuckJobsAfter: 2 * f.Delivery.Timeout,
	}
}
