package storage

import (
	"context"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migrations is the append-only list of schema changes. Never edit or
// reorder a released migration: add a new one. Each migration declares the
// structs it needs inside itself, frozen as they were, so that changing a
// live model never changes an old migration.
func migrations() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		migration0001Initial(),
		migration0002Pins(),
		migration0003Federation(),
		migration0004Reports(),
		migration0005Conversations(),
		migration0006MediaAttachments(),
		migration0007ReportEvidence(),
		migration0008HostSoftware(),
		migration0009ReportResolution(),
		migration0010Avatars(),
	}
}

func (db *DB) migrator(ctx context.Context) *gormigrate.Gormigrate {
	opts := *gormigrate.DefaultOptions
	opts.TableName = "schema_migrations"
	opts.UseTransaction = true
	return gormigrate.New(db.gorm.WithContext(ctx), &opts, migrations())
}

// Migrate applies every pending migration.
func (db *DB) Migrate(ctx context.Context) error {
	if err := db.migrator(ctx).Migrate(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return db.migrateQueue(ctx)
}

// PendingMigrations returns how many migrations are not yet applied.
func (db *DB) PendingMigrations(ctx context.Context) (int, error) {
	all := migrations()
	if !db.gorm.Migrator().HasTable("schema_migrations") {
		return len(all), nil
	}
	var applied []string
	if err := db.gorm.WithContext(ctx).Table("schema_migrations").Pluck("id", &applied).Error; err != nil {
		return 0, fmt.Errorf("pending migrations: %w", err)
	}
	done := make(map[string]bool, len(applied))
	for _, id := range applied {
		done[id] = true
	}
	pending := 0
	for _, m := range all {
		if !done[m.ID] {
			pending++
		}
	}
	queuePending, err := db.pendingQueueMigrations(ctx)
	return pending + queuePending, err
}

// createTables creates tables from frozen structs, in order.
func createTables(tx *gorm.DB, tables ...any) error {
	for _, t := range tables {
		if err := tx.Migrator().CreateTable(t); err != nil {
			return fmt.Errorf("create table for %T: %w", t, err)
		}
	}
	return nil
}
