package storage

import "context"

// RollbackTo undoes the migrations after id, for migration tests.
func (db *DB) RollbackTo(ctx context.Context, id string) error {
	return db.migrator(ctx).RollbackTo(id)
}
