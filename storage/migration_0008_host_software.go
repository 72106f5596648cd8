package storage

import (
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0008HostSoftware records on each hosts row the software the
// host says it runs (NodeInfo software.name and version) and when we last
// asked, so that a group message can go one-to-one to servers that only
// understand that (Pixelfed), and a failed check is not retried on every
// message. The columns come from a frozen struct, so each dialect gets
// its own time type (SQLite does not read TIMESTAMPTZ back as a time; see
// 0004). Frozen: do not edit.
func migration0008HostSoftware() *gormigrate.Migration {
	type host struct {
		Host              string     `gorm:"primaryKey;size:255"`
		Software          string     `gorm:"size:64;not null;default:''"`
		SoftwareVersion   string     `gorm:"size:64;not null;default:''"`
		SoftwareCheckedAt *time.Time // nil: never asked
	}
	fields := []string{"Software", "SoftwareVersion", "SoftwareCheckedAt"}
	return &gormigrate.Migration{
		ID: "0008_host_software",
		Migrate: func(tx *gorm.DB) error {
			for _, f := range fields {
				if err := tx.Migrator().AddColumn(&host{}, f); err != nil {
					return fmt.Errorf("add hosts.%s: %w", f, err)
				}
			}
			return nil
		},
		Rollback: func(tx *gorm.DB) error {
			for _, f := range fields {
				if err := tx.Migrator().DropColumn(&host{}, f); err != nil {
					return fmt.Errorf("drop hosts.%s: %w", f, err)
				}
			}
			return nil
		},
	}
}
