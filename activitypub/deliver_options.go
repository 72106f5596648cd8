package activitypub

import "time"

// Defaults of the DeliveryOptions an admin can set (cmd/corkboard's
// settings show them).
const (
	DefaultRetryBase       = 30 * time.Second
	DefaultDeliveryTimeout = time.Minute
)

// DeliveryOptions tune outbound delivery; zero fields take the defaults.
// Tests shorten the delays so that an outage and recovery take seconds.
type DeliveryOptions struct {
	// RetryBase is the wait after the first failed attempt; each further
	// failure doubles it, up to RetryCap, with ±10% jitter. With the
	// defaults (30 s, 8 h) and deliveryMaxAttempts (16), the 15 retries
	// come after 30 s, 1, 2, 4, 8, 16, 32 and 64 min, 2.1 h, 4.3 h, then
	// five times 8 h: the last attempt is about 48.5 h after the first.
	RetryBase time.Duration
	RetryCap  time.Duration
	// MaxAge drops a job still waiting for an unavailable host after this
	// long (default 60 h, beyond the retry schedule). Snoozing does not
	// count as an attempt, so without it such jobs would wait forever.
	MaxAge time.Duration
	// PerHost caps concurrent POSTs to one host (default 4), so that a
	// large fan-out does not hammer one server.
	PerHost int
	// Workers is how many deliveries run at once (default 32).
	Workers int
	// A host is marked unavailable once its deliveries have failed with
	// no success in between for UnavailableAfter (default 12 h), or
	// UnavailableFailures times in a row (default 100).
	UnavailableAfter    time.Duration
	UnavailableFailures int
	// ProbeInterval is how often one delivery to an unavailable host is
	// let through to find out whether it is back (default 30 min); the
	// others wait about that long before they look again.
	ProbeInterval time.Duration
	// PollInterval is how often idle workers look for due jobs (River's
	// default, 1 s, when zero); it bounds how late a retry runs.
	PollInterval time.Duration
	// Timeout bounds one delivery attempt (default 1 min; the POST itself
	// is capped sooner by the HTTP client). It also decides when a job
	// left running by a process that died (killed, crashed, power lost)
	// is retried: twice Timeout after its attempt began, when no live
	// process can still be working on it. River's own default would hold
	// such deliveries for an hour.
	Timeout time.Duration
}

// withDefaults fills in zero fields.
func (o DeliveryOptions) withDefaults() DeliveryOptions {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.RetryBase, DefaultRetryBase)
	def(&o.Timeout, DefaultDeliveryTimeout)
	def(&o.RetryCap, 8*time.Hour)
	def(&o.MaxAge, 60*time.Hour)
	def(&o.UnavailableAfter, 12*time.Hour)
	def(&o.ProbeInterval, 30*time.Minute)
	if o.PerHost <= 0 {
		o.PerHost = 4
	}
	if o.Workers <= 0 {
		o.Workers = 32
	}
	if o.UnavailableFailures <= 0 {
		o.UnavailableFailures = 100
	}
	return o
}
