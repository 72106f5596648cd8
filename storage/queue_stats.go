package storage

import (
	"context"

	"time"

	"github.com/corkboard/corkboard"
)

// QueueCounts counts River's jobs by queue and state, for the admin's
// view of delivery. Completed jobs count only when they finished after
// since (River keeps them for a day); every other state counts in full.
func (db *DB) QueueCounts(ctx context.Context, since time.Time) ([]corkboard.QueueCount, error) {
	// River's SQLite driver stores timestamps as text in its own format;
	// datetime() normalises both sides before they are compared.
	finished, arg := "finalized_at >= ?", any(since.UTC())
	if db.dialect == "sqlite" {
		finished, arg = "datetime(finalized_at) >= datetime(?)", since.UTC().Format("2006-01-02 15:04:05")
	}
	var rows []struct {
		Queue string
		State string
		N     int64
	}
	err := db.gorm.WithContext(ctx).Raw(`SELECT queue, state, COUNT(*) AS n FROM river_job
		WHERE state <> 'completed' OR `+finished+`
		GROUP BY queue, state ORDER BY queue, state`, arg).Scan(&rows).Error
	if err != nil {
		return nil, translate("queue counts", "jobs", err)
	}
	out := make([]corkboard.QueueCount, len(rows))
	for i, r := range rows {
		out[i] = corkboard.QueueCount{Queue: r.Queue, State: r.State, Count: r.N}
	}
	return out, nil
}
