package storage

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0004Reports adds reports: complaints (Flag activities) that
// other servers send about local accounts and posts, for the admins.
//
// It also retypes, on SQLite only, the fetched_at columns 0003 added as
// TIMESTAMPTZ: the SQLite driver does not read that declared type as a
// time, so a remote account with a fetch time could be written but not
// read back. They hold only cache timestamps (refetch dates), so they are
// dropped and added again as DATETIME. Frozen: do not edit.
func migration0004Reports() *gormigrate.Migration {
	type report struct {
		ID              int64  `gorm:"primaryKey;autoIncrement"`
		IRI             string `gorm:"column:iri;size:2048;not null;uniqueIndex"`
		ReporterIRI     string `gorm:"size:2048;not null"`
		ReporterID      *int64 `gorm:"index"` // no foreign key: a report outlives a purged reporter
		TargetAccountID *int64 `gorm:"index"`
		// ObjectIRIs are the reported objects, newline-separated.
		ObjectIRIs string    `gorm:"column:object_iris;type:text;not null;default:''"`
		Comment    string    `gorm:"type:text;not null;default:''"`
		CreatedAt  time.Time `gorm:"not null;index"`
	}
	return &gormigrate.Migration{
		ID: "0004_reports",
		Migrate: func(tx *gorm.DB) error {
			if err := createTables(tx, &report{}); err != nil {
				return err
			}
			if tx.Dialector.Name() != "sqlite" {
				return nil
			}
			return execAll(tx,
				`ALTER TABLE accounts DROP COLUMN fetched_at`,
				`ALTER TABLE accounts ADD COLUMN fetched_at DATETIME`,
				`ALTER TABLE boards DROP COLUMN fetched_at`,
				`ALTER TABLE boards ADD COLUMN fetched_at DATETIME`,
			)
		},
	}
}
