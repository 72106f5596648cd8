package corkboard

import (
	"context"
	"time"
)

// Report is a complaint about an account or its posts, received from
// another server (a Flag) for this instance's admins.
type Report struct {
	ID              int64
	IRI             string // the Flag's id; a report is stored once
	ReporterIRI     string // who sent it (often the remote instance actor)
	ReporterID      int64  // the reporter's account, 0 if unknown
	TargetAccountID int64  // the reported local account, 0 if none
	ObjectIRIs      []string
	Comment         string
	CreatedAt       time.Time
}

// ReportStore persists reports.
type ReportStore interface {
	// CreateReport stores a report; created is false when one with the
	// same IRI exists.
	CreateReport(ctx context.Context, r *Report) (created bool, err error)
	// ListReports lists reports newest first.
	ListReports(ctx context.Context, limit int) ([]*Report, error)
}
