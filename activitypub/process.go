package activitypub

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/riverqueue/river"
)

// ProcessActivityArgs is the job that applies one stored inbox activity.
type ProcessActivityArgs struct {
	ID int64 `json:"id"` // the inbox_activities row
}

// Kind implements river.JobArgs and corkboard.Job.
func (ProcessActivityArgs) Kind() string { return "process_activity" }

// InsertOpts puts the job on the inbox queue.
func (ProcessActivityArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: inboxQueue, MaxAttempts: 10}
}

// processWorker runs ProcessActivityArgs jobs.
type processWorker struct {
	river.WorkerDefaults[ProcessActivityArgs]
	f *Federation
}

// addInboxWorkers registers the inbox-processing worker.
func (f *Federation) addInboxWorkers(w *river.Workers) int {
	river.AddWorker(w, &processWorker{f: f})
	return 1
}

// Work applies the activity. A transient failure (a remote server timed
// out) returns the error so that River retries; a permanent one is
// recorded and ends the job.
func (w *processWorker) Work(ctx context.Context, job *river.Job[ProcessActivityArgs]) error {
	err := w.f.ProcessInboxActivity(ctx, job.Args.ID)
	if err != nil && job.Attempt >= job.MaxAttempts {
		w.f.Log.Warn("giving up on a received activity", "id", job.Args.ID, "error", err)
	}
	return err
}

// Timeout bounds one processing attempt (its fetches are bounded too).
func (w *processWorker) Timeout(*river.Job[ProcessActivityArgs]) time.Duration {
	return 2 * time.Minute
}

// NextRetry retries sooner than deliveries do: the activity is already
// here, only a fetch it needs failed. 30 s, 2 min, 4.5 min, ... capped at
// an hour.
func (w *processWorker) NextRetry(job *river.Job[ProcessActivityArgs]) time.Time {
	d := time.Duration(job.Attempt*job.Attempt) * 30 * time.Second
	return time.Now().Add(min(d, time.Hour))
}

// ProcessInboxActivity applies a stored activity once: an activity
// already processed is left alone, and every handler is idempotent, so a
// retry after a crash changes nothing twice. Permanent failures are
// recorded on the activity and return nil; transient ones are recorded
// and returned.
func (f *Federation) ProcessInboxActivity(ctx context.Context, id int64) error {
	a, err := f.Store.InboxActivityByID(ctx, id)
	if err != nil {
		if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
			return nil
		}
		return fmt.Errorf("process activity %d: %w", id, err)
	}
	if !a.ProcessedAt.IsZero() {
		return nil
	}
	err = f.process(withFetchBudget(ctx, maxFetchesPerActivity), a)
	switch {
	case err == nil:
		return f.mark(ctx, a, f.Now(), "")
	case isPermanent(err):
		f.Log.Info("received activity refused", "activity", a.IRI, "type", a.Type, "actor", a.ActorIRI, "reason", err)
		return f.mark(ctx, a, f.Now(), err.Error())
	}
	_ = f.mark(ctx, a, time.Time{}, err.Error())
	return fmt.Errorf("process %s %s: %w", a.Type, a.IRI, err)
}

func (f *Federation) mark(ctx context.Context, a *corkboard.InboxActivity, at time.Time, lastError string) error {
	if err := f.Store.MarkInboxActivity(ctx, a.ID, at, bound(lastError, 2000)); err != nil {
		return fmt.Errorf("mark activity %d: %w", a.ID, err)
	}
	return nil
}

// process decodes the stored activity and hands it to its type's
// handler. Types we do not act on are accepted and ignored.
func (f *Federation) process(ctx context.Context, stored *corkboard.InboxActivity) error {
	a, err := vocab.DecodeActivity(stored.Raw)
	if err != nil {
		return permanent(err)
	}
	// The inbox checked the signer against the envelope's actor (or took
	// a forward, which forwardContext marks); the full decode must agree
	// with the envelope (vocab guarantees it, this makes sure).
	if a.ID != stored.IRI || a.Actor.ID != stored.ActorIRI {
		return permanent(fmt.Errorf("decoded id %q, actor %q differ from the envelope", a.ID, a.Actor.ID))
	}
	// The domain may have been suspended since the activity arrived.
	if err := f.checkSuspended(ctx, a.Actor.ID); err != nil {
		return err
	}
	if err := f.checkActorSuspended(ctx, a.Actor.ID); err != nil {
		return err
	}
	ctx = withStoredActivity(ctx, stored)
	if ctx, err = f.forwardContext(ctx, stored, a); err != nil { // resolve_object.go
		return err
	}
	switch a.Type {
	case "Follow":
		return f.processFollow(ctx, a)
	case "Accept":
		return f.processAccept(ctx, a)
	case "Reject":
		return f.processReject(ctx, a)
	case "Undo":
		return f.processUndo(ctx, a)
	case "Create":
		return f.processCreate(ctx, a)
	case "Update":
		return f.processUpdate(ctx, a)
	case "Delete":
		return f.processDelete(ctx, a)
	case "Like":
		return f.processLike(ctx, a)
	case "Announce":
		return f.processAnnounce(ctx, a)
	case "Block":
		return f.processBlock(ctx, a)
	case "Flag":
		return f.processFlag(ctx, a)
	}
	f.Log.Debug("ignoring an activity type we do not handle", "type", a.Type, "activity", a.ID)
	return nil
}

// permanentError marks a failure that no retry can fix.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// permanent marks err as one a retry cannot fix.
func permanent(err error) error {
	if err == nil || isPermanent(err) {
		return err
	}
	return &permanentError{err}
}

// isPermanent reports whether retrying cannot help: a marked failure, or
// a domain refusal (invalid, not found, forbidden, ...).
func isPermanent(err error) bool {
	var p *permanentError
	if errors.As(err, &p) {
		return true
	}
	if unreachable(err) {
		return false // the sender will not send it again: retry the fetch
	}
	switch corkboard.ErrorCode(err) {
	case corkboard.EINVALID, corkboard.ENOTFOUND, corkboard.EFORBIDDEN, corkboard.EUNSUPPORTED,
		corkboard.ETOOLARGE, corkboard.ECONFLICT, corkboard.EUNAUTHORIZED:
		return true
	}
	return false
}

// refuse is the permanent error of an activity we will not apply.
func refuse(format string, args ...any) error {
	return permanent(corkboard.Errorf(corkboard.EFORBIDDEN, format, args...))
}
