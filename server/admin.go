package server

import (
	"context"

	"github.com/corkboard/corkboard"
)

// Admin opens the database (migrating it) and returns the Service for the
// admin CLI, with a function that closes it again.
func Admin(ctx context.Context, cfg Config) (*corkboard.Service, func() error, error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	db, svc, err := openService(ctx, cfg, nil)
	if err != nil {
		return nil, nil, err
	}
	return svc, db.Close, nil
}

// Migrate applies pending migrations and reports how many were applied.
func Migrate(ctx context.Context, cfg Config) (int, error) {
	if err := cfg.Validate(); err != nil {
		return 0, err
	}
	db, err := openStorage(ctx, cfg)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	pending, err := db.PendingMigrations(ctx)
	if err != nil {
		return 0, err
	}
	return pending, db.Migrate(ctx)
}
