package corkboard

import "context"

// FileRemoteReport stores a report received from another server; a
// redelivered report is stored once.
func (s *Service) FileRemoteReport(ctx context.Context, r *Report) error {
	r.Comment = truncate(r.Comment, 5000)
	if len(r.ObjectIRIs) > 50 {
		r.ObjectIRIs = r.ObjectIRIs[:50]
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = s.now()
	}
	_, err := s.store.CreateReport(ctx, r)
	return withContext("file report", err)
}

// Reports lists the newest reports, for admins.
func (s *Service) Reports(ctx context.Context, actor *Account, limit int) ([]*Report, error) {
	if actor == nil || !actor.IsAdmin {
		return nil, Errorf(EFORBIDDEN, "only admins can read reports")
	}
	rs, err := s.store.ListReports(ctx, clampLimit(limit))
	return rs, withContext("reports", err)
}
