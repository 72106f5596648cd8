package corkboard

import (
	"context"
	"fmt"
	"time"
)

// maxActionNote bounds the note an admin leaves on a resolved report.
const maxActionNote = 500

// ResolveReport closes a report, recording who and when, and what was
// done about it (note, optional). Resolving a resolved report updates it.
func (s *Service) ResolveReport(ctx context.Context, by *Account, reportID int64, note string) error {
	if err := checkModerator(by); err != nil {
		return err
	}
	err := s.store.SetReportResolution(ctx, reportID, s.now(), by.ID, truncate(note, maxActionNote))
	return withContext("resolve report", err)
}

// ReopenReport puts a resolved report back among the open ones.
func (s *Service) ReopenReport(ctx context.Context, by *Account, reportID int64) error {
	if err := checkModerator(by); err != nil {
		return err
	}
	return withContext("reopen report", s.store.SetReportResolution(ctx, reportID, time.Time{}, 0, ""))
}

// SuspendReported suspends a report's target and resolves the report
// with a note saying so.
func (s *Service) SuspendReported(ctx context.Context, by *Account, reportID int64) (*Account, error) {
	if err := checkModerator(by); err != nil {
		return nil, err
	}
	r, err := s.store.ReportByID(ctx, reportID)
	if err != nil {
		return nil, withContext("suspend reported", err)
	}
	if r.TargetAccountID == 0 {
		return nil, Errorf(EINVALID, "this report names no account to suspend")
	}
	a, err := s.SuspendAccount(ctx, by, r.TargetAccountID, fmt.Sprintf("report #%d", r.ID))
	if err != nil {
		return nil, err
	}
	return a, s.ResolveReport(ctx, by, r.ID, "suspended @"+a.Acct())
}
