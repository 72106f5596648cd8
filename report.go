package corkboard

import (
	"context"
	"time"
)

// Report is a complaint about an account or its posts, for this
// instance's admins: received from another server (a Flag), or made here
// by one of our people about a message they received.
type Report struct {
	ID              int64
	IRI             string // the Flag's id; a report is stored once
	ReporterIRI     string // who sent it (often the remote instance actor)
	ReporterID      int64  // the reporter's account, 0 if unknown
	TargetAccountID int64  // the reported account, 0 if none
	ObjectIRIs      []string
	Comment         string
	CreatedAt       time.Time

	// Local is true for a report made by one of our people.
	Local bool
	// MessageID is the reported message of a local report (one report per
	// reporter and message), else 0.
	MessageID int64
	// Evidence is the reported message's text when it was reported, and
	// EvidenceMedia what was attached (pin and board pages, image keys):
	// they stay when the sender deletes the message.
	Evidence      string
	EvidenceMedia []string
	// Forwarded is true when a Flag went to the reported person's server.
	Forwarded bool

	// ResolvedAt is when an admin closed the report (zero while open),
	// ResolvedByID who (0: the admin command line), and ActionNote what
	// was done about it ("suspended @x").
	ResolvedAt   time.Time
	ResolvedByID int64
	ActionNote   string

	Reporter   *Account // loaded for display
	Target     *Account
	ResolvedBy *Account
}

// Open reports whether no admin has resolved the report yet.
func (r *Report) Open() bool { return r.ResolvedAt.IsZero() }

// ReportStore persists reports.
type ReportStore interface {
	// CreateReport stores a report; created is false when one with the
	// same IRI exists, or (local reports) the same reporter's report of
	// the same message.
	CreateReport(ctx context.Context, r *Report) (created bool, err error)
	// ListReports lists open reports newest first, then resolved ones
	// newest first.
	ListReports(ctx context.Context, limit int) ([]*Report, error)
	// ReportByID finds a report.
	ReportByID(ctx context.Context, id int64) (*Report, error)
	// SetReportResolution resolves a report (at, by, note) or, with a zero
	// at, reopens it; a missing report is ENOTFOUND.
	SetReportResolution(ctx context.Context, id int64, at time.Time, byID int64, note string) error
}

// ReportFederator sends reports to the reported person's server. It is
// optional: a Federator that implements it forwards reports.
type ReportFederator interface {
	MessageReported(ctx context.Context, tx Store, r *Report, target *Account) error
}
