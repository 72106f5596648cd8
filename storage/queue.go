package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// The job queue is River, on the same database as everything else, so a
// job commits with the change that causes it: on PostgreSQL through its
// database/sql driver, on SQLite through its SQLite driver — one code
// path for both.

// queueDriver returns River's driver for this database.
func (db *DB) queueDriver() (riverdriver.Driver[*sql.Tx], error) {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return nil, fmt.Errorf("queue driver: %w", err)
	}
	if db.dialect == "sqlite" {
		return riversqlite.New(sqlDB), nil
	}
	return riverdatabasesql.New(sqlDB), nil
}

// migrateQueue applies River's own migrations.
func (db *DB) migrateQueue(ctx context.Context) error {
	drv, err := db.queueDriver()
	if err != nil {
		return err
	}
	m, err := rivermigrate.New(drv, nil)
	if err != nil {
		return fmt.Errorf("queue migrator: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	return nil
}

// pendingQueueMigrations counts River migrations not yet applied.
func (db *DB) pendingQueueMigrations(ctx context.Context) (int, error) {
	drv, err := db.queueDriver()
	if err != nil {
		return 0, err
	}
	m, err := rivermigrate.New(drv, nil)
	if err != nil {
		return 0, fmt.Errorf("queue migrator: %w", err)
	}
	applied, err := m.ExistingVersions(ctx)
	if err != nil {
		return len(m.AllVersions()), nil // River's tables do not exist yet
	}
	return len(m.AllVersions()) - len(applied), nil
}

// NewQueueClient builds a River client on this database. With workers it
// runs jobs once started; without, it only inserts. The caller owns its
// lifecycle (Start, Stop).
func (db *DB) NewQueueClient(config *river.Config) (*river.Client[*sql.Tx], error) {
	drv, err := db.queueDriver()
	if err != nil {
		return nil, err
	}
	c, err := river.NewClient(drv, config)
	if err != nil {
		return nil, fmt.Errorf("queue client: %w", err)
	}
	return c, nil
}

// Enqueue adds jobs. Inside InTx they join the transaction, so they exist
// only if it commits; River reads each job's InsertOpts from its args.
func (db *DB) Enqueue(ctx context.Context, jobs ...corkboard.Job) error {
	if len(jobs) == 0 {
		return nil
	}
	if db.inserter == nil {
		return fmt.Errorf("enqueue: this database handle has no job queue")
	}
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: j}
	}
	var err error
	if tx, ok := db.gorm.Statement.ConnPool.(*sql.Tx); ok {
		_, err = db.inserter.InsertManyTx(ctx, tx, params)
	} else {
		_, err = db.inserter.InsertMany(ctx, params)
	}
	if err != nil {
		return fmt.Errorf("enqueue %d job(s) of kind %s: %w", len(jobs), jobs[0].Kind(), err)
	}
	return nil
}
