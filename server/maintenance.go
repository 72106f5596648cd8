package server

import (
	"context"
	"log/slog"
	"time"

	"github.com/corkboard/corkboard/storage"
	"github.com/riverqueue/river"
)

// Housekeeping jobs run on the same River queue as federation, in a queue
// of their own with one worker: they are cheap, and never urgent.

const maintenanceQueue = "maintenance"

// trimFeedsEvery is how often home feeds are cut back to their size.
const trimFeedsEvery = 6 * time.Hour

// trimFeedsArgs is the job that keeps every home feed to its newest
// entries (feeds are materialised on write and otherwise only grow).
type trimFeedsArgs struct{}

func (trimFeedsArgs) Kind() string { return "trim_feeds" }

func (trimFeedsArgs) InsertOpts() river.InsertOpts {
	// One waiting at a time: several servers (or restarts) never pile up.
	return river.InsertOpts{Queue: maintenanceQueue, UniqueOpts: river.UniqueOpts{ByPeriod: trimFeedsEvery}}
}

type trimFeedsWorker struct {
	river.WorkerDefaults[trimFeedsArgs]
	db   *storage.DB
	keep int
	log  *slog.Logger
}

func (w *trimFeedsWorker) Work(ctx context.Context, _ *river.Job[trimFeedsArgs]) error {
	removed, err := w.db.TrimFeeds(ctx, w.keep)
	if err != nil {
		return err
	}
	if removed > 0 {
		w.log.Info("trimmed home feeds", "removed_entries", removed, "kept_per_feed", w.keep)
	}
	return nil
}

// addMaintenance adds the housekeeping workers and their schedule to the
// queue's configuration; each runs once at start-up, then periodically.
func (s *Server) addMaintenance(qc *river.Config) {
	river.AddWorker(qc.Workers, &trimFeedsWorker{db: s.db, keep: s.cfg.HomeFeedSize, log: s.log})
	if qc.Queues == nil {
		qc.Queues = map[string]river.QueueConfig{}
	}
	qc.Queues[maintenanceQueue] = river.QueueConfig{MaxWorkers: 1}
	qc.PeriodicJobs = append(qc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(trimFeedsEvery),
		func() (river.JobArgs, *river.InsertOpts) { return trimFeedsArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true}))
}
