package storage

import (
	"context"
	"errors"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// hostSoftwareRow is the software columns of a hosts row: written apart
// from the delivery health columns (hostRow), so that neither writer
// overwrites the other's news.
type hostSoftwareRow struct {
	Host              string `gorm:"primaryKey"`
	Software          string
	SoftwareVersion   string
	SoftwareCheckedAt *time.Time
}

func (hostSoftwareRow) TableName() string { return "hosts" }

func (r *hostSoftwareRow) domain() *corkboard.HostSoftware {
	return &corkboard.HostSoftware{Host: r.Host, Name: r.Software, Version: r.SoftwareVersion, CheckedAt: derefTime(r.SoftwareCheckedAt)}
}

// HostSoftware returns what we know of a host's software; an unknown
// host was never checked.
func (db *DB) HostSoftware(ctx context.Context, host string) (*corkboard.HostSoftware, error) {
	var r hostSoftwareRow
	err := db.gorm.WithContext(ctx).Where("host = ?", host).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &corkboard.HostSoftware{Host: host}, nil
	}
	if err != nil {
		return nil, translate("host software", "host", err)
	}
	return r.domain(), nil
}

// SaveHostSoftware records a software check on the host's row, creating
// the row (healthy) for a host never delivered to.
func (db *DB) SaveHostSoftware(ctx context.Context, s *corkboard.HostSoftware) error {
	row := &hostSoftwareRow{Host: s.Host, Software: s.Name, SoftwareVersion: s.Version, SoftwareCheckedAt: optionalTime(s.CheckedAt)}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "host"}},
		DoUpdates: clause.AssignmentColumns([]string{"software", "software_version", "software_checked_at"}),
	}).Create(row).Error
	return translate("save host software", "host", err)
}

// HostSoftwareOf returns the software of the hosts we have checked, by
// host; hosts never checked are left out.
func (db *DB) HostSoftwareOf(ctx context.Context, hosts []string) (map[string]*corkboard.HostSoftware, error) {
	out := make(map[string]*corkboard.HostSoftware, len(hosts))
	if len(hosts) == 0 {
		return out, nil
	}
	var rows []hostSoftwareRow
	err := db.gorm.WithContext(ctx).Where("host IN ? AND software_checked_at IS NOT NULL", hosts).Find(&rows).Error
	for i := range rows {
		out[rows[i].Host] = rows[i].domain()
	}
	return out, translate("host software of hosts", "hosts", err)
}
