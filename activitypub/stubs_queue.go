package activitypub

import "github.com/riverqueue/river"

// Placeholders of the queue wiring, replaced as the workers are built.
func (f *Federation) addWorkers(w *river.Workers) int      { return 0 }
func (f *Federation) queues() map[string]river.QueueConfig { return nil }
func (f *Federation) retryPolicy() river.ClientRetryPolicy { return nil }
