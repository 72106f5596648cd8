package storagetest

import (
	"sync/atomic"
	"testing"

	"github.com/corkboard/corkboard/storage"
	"gorm.io/gorm"
)

// QueryCounter counts the SQL statements a database handle runs.
type QueryCounter struct{ n atomic.Int64 }

// CountQueries starts counting every statement run through db.
func CountQueries(tb testing.TB, db *storage.DB) *QueryCounter {
	tb.Helper()
	qc := &QueryCounter{}
	inc := func(*gorm.DB) { qc.n.Add(1) }
	cb := db.Gorm().Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("storagetest:count_query", inc),
		cb.Row().After("gorm:row").Register("storagetest:count_row", inc),
		cb.Raw().After("gorm:raw").Register("storagetest:count_raw", inc),
		cb.Create().After("gorm:create").Register("storagetest:count_create", inc),
		cb.Update().After("gorm:update").Register("storagetest:count_update", inc),
		cb.Delete().After("gorm:delete").Register("storagetest:count_delete", inc),
	} {
		if err != nil {
			tb.Fatalf("register query counter: %v", err)
		}
	}
	return qc
}

// Reset sets the count to zero.
func (qc *QueryCounter) Reset() { qc.n.Store(0) }

// Count returns the statements run since the last Reset.
func (qc *QueryCounter) Count() int64 { return qc.n.Load() }
