package activitypub

import (
	"runtime"
	"time"

	"github.com/riverqueue/river"
)

// Queue names. Deliveries and inbox processing run in separate queues so
// that a backlog of one never starves the other.
const (
	deliveryQueue = "delivery"
	inboxQueue    = "inbox"
)

// addWorkers registers every federation worker, one helper per area, and
// returns how many it registered.
func (f *Federation) addWorkers(w *river.Workers) int {
	n := f.addDeliveryWorkers(w)
	n += f.addInboxWorkers(w)
	n += f.addAvatarWorkers(w)
	return n
}

// queues sizes the queues. Delivery waits on the network far more than it
// computes (signing is about 1 ms of CPU per request), so it runs many
// workers; inbox processing is database-bound and runs a few per core.
func (f *Federation) queues() map[string]river.QueueConfig {
	return map[string]river.QueueConfig{
		deliveryQueue: {MaxWorkers: f.Delivery.Workers},
		inboxQueue:    {MaxWorkers: max(4, 2*runtime.NumCPU())},
	}
}

// retryPolicy is the delivery schedule (see DeliveryOptions). Inbox
// workers that want another schedule override NextRetry on the worker.
func (f *Federation) retryPolicy() river.ClientRetryPolicy {
	return &retryPolicy{base: f.Delivery.RetryBase, cap: f.Delivery.RetryCap, now: time.Now}
}
