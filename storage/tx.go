package storage

import (
	"context"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

// InTx runs fn in one transaction; fn's Store writes through it. Nested
// calls become savepoints.
func (db *DB) InTx(ctx context.Context, fn func(tx corkboard.Store) error) error {
	return db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(&DB{gorm: tx, dialect: db.dialect, log: db.log, inserter: db.inserter})
	})
}
