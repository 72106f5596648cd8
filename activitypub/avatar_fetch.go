package activitypub

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// FetchAvatarArgs is the job that brings a remote account's stored
// avatar in line with its actor's icon. Resolving an actor only records
// that the icon changed: the actor may be resolved while a request
// waits (a signature's key), and an image fetch has no place there.
type FetchAvatarArgs struct {
	AccountID int64  `json:"account_id"`
	Icon      string `json:"icon"` // "" when the actor has none
}

// Kind implements river.JobArgs and corkboard.Job.
func (FetchAvatarArgs) Kind() string { return "fetch_avatar" }

// InsertOpts puts the job on the inbox queue; a picture is not worth
// many retries, the next refresh of the actor tries again. Refreshes
// that see the same new icon while its fetch waits or runs add no
// second job; a finished one does not count, so that an icon changed
// back (A, B, A) is fetched again.
func (FetchAvatarArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: inboxQueue, MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByArgs: true,
		ByState: []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
			rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

type avatarWorker struct {
	river.WorkerDefaults[FetchAvatarArgs]
	f *Federation
}

func (f *Federation) addAvatarWorkers(w *river.Workers) int {
	river.AddWorker(w, &avatarWorker{f: f})
	return 1
}

// Work fetches the icon; a refusal (not an image, too large, blocked
// domain) ends the job, keeping the old picture.
func (w *avatarWorker) Work(ctx context.Context, job *river.Job[FetchAvatarArgs]) error {
	err := w.f.Service.RefreshRemoteAvatar(ctx, job.Args.AccountID, job.Args.Icon)
	switch corkboard.ErrorCode(err) {
	case "", corkboard.EINTERNAL:
		return err
	}
	w.f.Log.Info("keeping the old avatar", "account", job.Args.AccountID, "icon", job.Args.Icon, "error", err)
	return nil
}

// Timeout bounds one fetch and its processing.
func (w *avatarWorker) Timeout(*river.Job[FetchAvatarArgs]) time.Duration { return time.Minute }

// queueAvatarFetch enqueues a fetch when the stored avatar of acct (as
// stored before this refresh, nil for a new account) is not the icon's.
func (f *Federation) queueAvatarFetch(ctx context.Context, stored *corkboard.Account, id int64, icon string) error {
	if stored == nil {
		stored = &corkboard.Account{}
	}
	if !corkboard.AvatarStale(stored, icon) {
		return nil
	}
	return f.Store.Enqueue(ctx, FetchAvatarArgs{AccountID: id, Icon: icon})
}
