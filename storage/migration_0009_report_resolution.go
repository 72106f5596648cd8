package storage

import (
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0009ReportResolution lets admins act on reports and keeps a
// record of what they did: a report gets when and by whom it was resolved
// and a note of the action taken ("suspended @x"), and account
// suspensions get a table of their own, one row per suspension, lifted
// or not, with who did each. The accounts.disabled flag stays what every
// check reads; this table is the record. resolved_by_id and the
// suspension's admin ids have no foreign key: NULL means the admin
// command line, and the record outlives an admin's account. The time
// columns come from frozen structs, so each dialect gets its own time
// type (see 0004). Frozen: do not edit.
func migration0009ReportResolution() *gormigrate.Migration {
	type report struct {
		ID           int64      `gorm:"primaryKey"`
		ResolvedAt   *time.Time // nil while the report is open
		ResolvedByID *int64
		ActionNote   string `gorm:"type:text;not null;default:''"`
	}
	type accountSuspension struct {
		ID            int64     `gorm:"primaryKey;autoIncrement"`
		AccountID     int64     `gorm:"not null;index"`
		Reason        string    `gorm:"type:text;not null;default:''"`
		SuspendedAt   time.Time `gorm:"not null"`
		SuspendedByID *int64
		LiftedAt      *time.Time // nil while the suspension lasts
		LiftedByID    *int64
	}
	fields := []string{"ResolvedAt", "ResolvedByID", "ActionNote"}
	return &gormigrate.Migration{
		ID: "0009_report_resolution",
		Migrate: func(tx *gorm.DB) error {
			for _, f := range fields {
				if err := tx.Migrator().AddColumn(&report{}, f); err != nil {
					return fmt.Errorf("add reports.%s: %w", f, err)
				}
			}
			return createTables(tx, &accountSuspension{})
		},
		Rollback: func(tx *gorm.DB) error {
			if err := tx.Migrator().DropTable(&accountSuspension{}); err != nil {
				return fmt.Errorf("drop account_suspensions: %w", err)
			}
			for _, f := range fields {
				if err := tx.Migrator().DropColumn(&report{}, f); err != nil {
					return fmt.Errorf("drop reports.%s: %w", f, err)
				}
			}
			return nil
		},
	}
}
