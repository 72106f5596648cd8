package activitypub

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/riverqueue/river"
)

// deliverWorker POSTs one activity to one inbox.
type deliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	f *Federation
}

// addDeliveryWorkers registers the delivery worker.
func (f *Federation) addDeliveryWorkers(w *river.Workers) int {
	river.AddWorker(w, &deliverWorker{f: f})
	return 1
}

// Timeout bounds one attempt (DeliveryOptions.Timeout).
func (w *deliverWorker) Timeout(*river.Job[DeliverArgs]) time.Duration { return w.f.Delivery.Timeout }

// Work delivers, unless the domain is suspended (the job ends), the host
// is marked unavailable (the job waits, but for the one probe per
// interval) or already has PerHost deliveries in flight from this process
// (the job waits a moment).
func (w *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	f, a := w.f, job.Args
	u, err := url.Parse(a.Inbox)
	if err != nil || u.Host == "" {
		return river.JobCancel(fmt.Errorf("deliver: unusable inbox %q", a.Inbox))
	}
	// A domain suspended since the job was enqueued gets nothing more.
	if block, err := f.Service.DomainBlockFor(ctx, u.Host); err != nil {
		return fmt.Errorf("deliver to %s: %w", a.Inbox, err)
	} else if block != nil && block.Severity == corkboard.SeveritySuspend {
		return river.JobCancel(fmt.Errorf("deliver to %s: domain %s is suspended", a.Inbox, block.Domain))
	}
	health, err := f.Store.HostHealth(ctx, u.Host)
	if err != nil {
		return fmt.Errorf("deliver to %s: %w", a.Inbox, err)
	}
	if !health.UnavailableSince.IsZero() && !f.hosts.claimProbe(u.Host, f.Now(), f.Delivery.ProbeInterval) {
		return f.awaitHost(job.JobRow.CreatedAt, job.JobRow.AttemptedAt, health)
	}
	release, ok := f.hosts.acquire(ctx, u.Host, 2*time.Second)
	if !ok {
		return river.JobSnooze(time.Second + rand.N(2*time.Second))
	}
	defer release()
	req, err := f.signedDelivery(ctx, a)
	if err != nil { // our failure, not the host's
		return fmt.Errorf("deliver to %s: %w", a.Inbox, err)
	}
	status, retryAfter, err := f.post(req)
	if err == nil && status < http.StatusInternalServerError {
		defer f.noteSoftware(ctx, u.Host) // after settling; see nodeinfo_client.go
	}
	return f.settle(ctx, health, a.Inbox, status, retryAfter, err)
}

// awaitHost snoozes a delivery to an unavailable host until about the
// next probe. Snoozes are not attempts, so a job that has waited longer
// than MaxAge is dropped instead: the host missed it, as it would have
// after the last retry.
func (f *Federation) awaitHost(created time.Time, attempted *time.Time, h *corkboard.HostHealth) error {
	now := time.Now() // River's clock, which created and attempted come from
	if attempted != nil {
		now = *attempted
	}
	if now.Sub(created) > f.Delivery.MaxAge {
		return river.JobCancel(fmt.Errorf("deliver: host %s unavailable since %s; giving up after %s",
			h.Host, h.UnavailableSince.Format(time.RFC3339), f.Delivery.MaxAge))
	}
	interval := f.Delivery.ProbeInterval
	return river.JobSnooze(interval + rand.N(interval/4+1))
}

// settle turns the answer into the job's outcome: 2xx is done; 4xx but
// 408 and 429 will never succeed (410 Gone included) and ends the job;
// 429 waits as long as Retry-After asks; 408, 5xx and network errors are
// retried on the schedule and count against the host's health.
func (f *Federation) settle(ctx context.Context, h *corkboard.HostHealth, inbox string, status int, retryAfter time.Duration, err error) error {
	switch {
	case err != nil && ctx.Err() != nil: // shutting down or timed out here: not the host's fault
		return fmt.Errorf("deliver to %s: %w", inbox, err)
	case err != nil:
		f.hostFailed(ctx, h.Host)
		return fmt.Errorf("deliver to %s: %w", inbox, err)
	case status >= 200 && status < 300:
		f.hostAnswered(ctx, h)
		return nil
	case status == http.StatusTooManyRequests:
		f.hostAnswered(ctx, h)
		if retryAfter > 0 {
			return river.JobSnooze(min(retryAfter, time.Hour))
		}
		return fmt.Errorf("deliver to %s: HTTP %d", inbox, status)
	case status == http.StatusRequestTimeout || status >= 500:
		f.hostFailed(ctx, h.Host)
		return fmt.Errorf("deliver to %s: HTTP %d", inbox, status)
	}
	f.hostAnswered(ctx, h)
	return river.JobCancel(fmt.Errorf("deliver to %s: HTTP %d, not retried", inbox, status))
}

// post sends a signed delivery, reading at most a little of the answer
// (enough to reuse the connection).
func (f *Federation) post(req *http.Request) (status int, retryAfter time.Duration, err error) {
	resp, err := f.Client.Open(req.Context(), req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, parseRetryAfter(resp.Header.Get("Retry-After"), f.Now()), nil
}

// signedDelivery builds the POST of a delivery, signed now by its actor's
// key (draft-cavage over (request-target) host date digest). Signing is
// the CPU cost of delivery; keys are parsed once and cached, and Signer
// holds no lock, so workers sign in parallel.
func (f *Federation) signedDelivery(ctx context.Context, a DeliverArgs) (*http.Request, error) {
	signer, err := f.signer(ctx, a.SignerIRI)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.Inbox, bytes.NewReader(a.Body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", activityJSON)
	req.Header.Set("Accept", activityJSON)
	if err := signer.Sign(req, a.Body); err != nil {
		return nil, err
	}
	return req, nil
}

// parseRetryAfter reads Retry-After in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
