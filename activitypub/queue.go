package activitypub

import (
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
	}
}
