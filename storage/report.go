package storage

import (
	"context"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm/clause"
)

type reportRow struct {
	ID              int64
	IRI             string `gorm:"column:iri"`
	ReporterIRI     string
	ReporterID      *int64
	TargetAccountID *int64
	ObjectIRIs      string `gorm:"column:object_iris"`
	Comment         string
	CreatedAt       time.Time
}

func (reportRow) TableName() string { return "reports" }

// CreateReport stores a report once per IRI; created is false for a
// redelivery.
func (db *DB) CreateReport(ctx context.Context, r *corkboard.Report) (bool, error) {
	row := &reportRow{IRI: r.IRI, ReporterIRI: r.ReporterIRI, ReporterID: optionalID(r.ReporterID),
		TargetAccountID: optionalID(r.TargetAccountID), ObjectIRIs: strings.Join(r.ObjectIRIs, "\n"),
		Comment: r.Comment, CreatedAt: r.CreatedAt.UTC()}
	res := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(row)
	if res.Error != nil || res.RowsAffected == 0 {
		return false, translate("create report", "report", res.Error)
	}
	r.ID = row.ID
	return true, nil
}

// ListReports lists reports newest first.
func (db *DB) ListReports(ctx context.Context, limit int) ([]*corkboard.Report, error) {
	var rows []reportRow
	err := db.gorm.WithContext(ctx).Order("id DESC").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Report, len(rows))
	for i, r := range rows {
		out[i] = &corkboard.Report{ID: r.ID, IRI: r.IRI, ReporterIRI: r.ReporterIRI, ReporterID: deref(r.ReporterID),
			TargetAccountID: deref(r.TargetAccountID), ObjectIRIs: strings.Fields(r.ObjectIRIs),
			Comment: r.Comment, CreatedAt: r.CreatedAt}
	}
	return out, translate("list reports", "reports", err)
}
