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
	Local           bool
	Forwarded       bool
	MessageID       *int64
	EvidenceText    string
	EvidenceMedia   string // newline-separated
	ResolvedAt      *time.Time
	ResolvedByID    *int64
	ActionNote      string
}

func (reportRow) TableName() string { return "reports" }

// CreateReport stores a report once per IRI, and a local one once per
// reporter and message; created is false for a repeat.
func (db *DB) CreateReport(ctx context.Context, r *corkboard.Report) (bool, error) {
	row := &reportRow{IRI: r.IRI, ReporterIRI: r.ReporterIRI, ReporterID: optionalID(r.ReporterID),
		TargetAccountID: optionalID(r.TargetAccountID), ObjectIRIs: strings.Join(r.ObjectIRIs, "\n"),
		Comment: r.Comment, CreatedAt: r.CreatedAt.UTC(), Local: r.Local, Forwarded: r.Forwarded,
		MessageID: optionalID(r.MessageID), EvidenceText: r.Evidence, EvidenceMedia: strings.Join(r.EvidenceMedia, "\n")}
	res := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(row)
	if res.Error != nil || res.RowsAffected == 0 {
		return false, translate("create report", "report", res.Error)
	}
	r.ID = row.ID
	return true, nil
}

// ListReports lists open reports newest first, then resolved ones.
func (db *DB) ListReports(ctx context.Context, limit int) ([]*corkboard.Report, error) {
	var rows []reportRow
	err := db.gorm.WithContext(ctx).Order("CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END, id DESC").
		Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Report, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list reports", "reports", err)
}

// ReportByID finds a report.
func (db *DB) ReportByID(ctx context.Context, id int64) (*corkboard.Report, error) {
	var row reportRow
	if err := db.gorm.WithContext(ctx).First(&row, id).Error; err != nil {
		return nil, translate("report by id", "report", err)
	}
	return row.domain(), nil
}

// SetReportResolution resolves a report, or reopens it when at is zero.
func (db *DB) SetReportResolution(ctx context.Context, id int64, at time.Time, byID int64, note string) error {
	res := db.gorm.WithContext(ctx).Model(&reportRow{}).Where("id = ?", id).Updates(map[string]any{
		"resolved_at": optionalTime(at), "resolved_by_id": optionalID(byID), "action_note": note})
	return rowsAffected("set report resolution", "report", res.Error, res.RowsAffected)
}

func (r *reportRow) domain() *corkboard.Report {
	return &corkboard.Report{ID: r.ID, IRI: r.IRI, ReporterIRI: r.ReporterIRI, ReporterID: deref(r.ReporterID),
		TargetAccountID: deref(r.TargetAccountID), ObjectIRIs: strings.Fields(r.ObjectIRIs),
		Comment: r.Comment, CreatedAt: r.CreatedAt, Local: r.Local, Forwarded: r.Forwarded,
		MessageID: deref(r.MessageID), Evidence: r.EvidenceText, EvidenceMedia: strings.Fields(r.EvidenceMedia),
		ResolvedAt: derefTime(r.ResolvedAt), ResolvedByID: deref(r.ResolvedByID), ActionNote: r.ActionNote}
}
