package corkboard

import (
	"context"
	"strconv"
	"strings"
)

// maxReportComment bounds a report's comment, as Mastodon does.
const maxReportComment = 1000

// ReportInput is a person's report of a message they received.
type ReportInput struct {
	MessageID int64
	Comment   string
	// Forward sends a Flag to the sender's server (remote senders only),
	// from our instance actor, so that the reporter is not named.
	Forward bool
	// Block also blocks the sender.
	Block bool
}

// ReportMessage reports a message of someone else's in one of the
// viewer's conversations to our admins (and, when asked, to the sender's
// server). A message the viewer cannot read is "not found"; each person
// reports a message once. Reporting a request declines it.
func (s *Service) ReportMessage(ctx context.Context, viewer *Account, in ReportInput) (*Report, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	var r *Report
	err := s.store.InTx(ctx, func(tx Store) error {
		m, me, err := reportableMessage(ctx, tx, viewer, in.MessageID)
		if err != nil {
			return err
		}
		target, err := tx.AccountByID(ctx, m.SenderID)
		if err != nil {
			return err
		}
		if r, err = s.newMessageReport(ctx, tx, viewer, target, m, in); err != nil {
			return err
		}
		if created, err := tx.CreateReport(ctx, r); err != nil {
			return err
		} else if !created {
			return Errorf(ECONFLICT, "you already reported this message")
		}
		if me.State == MemberRequest {
			me.State, me.Unread = MemberDeclined, 0
			if err := tx.UpdateMember(ctx, me); err != nil {
				return err
			}
		}
		if rf, ok := s.fed.(ReportFederator); ok && r.Forwarded {
			return rf.MessageReported(ctx, tx, r, target)
		}
		return nil
	})
	if err == nil && in.Block {
		// BlockAccount has its own transaction; the report stands if it fails.
		err = s.BlockAccount(ctx, viewer, r.TargetAccountID)
	}
	return r, withContext("report message", err)
}

// reportableMessage loads a message the viewer may report: one of another
// person's, in a conversation the viewer takes part in.
func reportableMessage(ctx context.Context, tx Store, viewer *Account, id int64) (*Message, *Member, error) {
	notFound := Errorf(ENOTFOUND, "message not found")
	m, err := tx.MessageByID(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil, notFound
	} else if err != nil {
		return nil, nil, err
	}
	_, me, err := memberOf(ctx, tx, viewer, m.ConversationID)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil, notFound
	} else if err != nil {
		return nil, nil, err
	}
	if m.SenderID == viewer.ID {
		return nil, nil, Errorf(EINVALID, "you cannot report your own message")
	}
	if !m.DeletedAt.IsZero() {
		return nil, nil, Errorf(EINVALID, "this message was deleted")
	}
	return m, me, nil
}

// newMessageReport builds a local report, with a copy of the message as
// evidence: the sender may delete it afterwards.
func (s *Service) newMessageReport(ctx context.Context, tx Store, viewer, target *Account, m *Message, in ReportInput) (*Report, error) {
	_, federates := s.fed.(ReportFederator)
	r := &Report{IRI: s.opts.BaseURL + "/reports/" + strings.ToLower(NewSecret()[:22]),
		ReporterIRI: s.AccountIRI(viewer), ReporterID: viewer.ID, TargetAccountID: target.ID,
		ObjectIRIs: []string{s.MessageIRI(m)}, Comment: truncate(in.Comment, maxReportComment),
		Local: true, MessageID: m.ID, Evidence: m.Text, CreatedAt: s.now(),
		Forwarded: in.Forward && federates && !target.IsLocal()}
	att := m.Attachment
	if att.PinID != 0 {
		r.EvidenceMedia = append(r.EvidenceMedia, s.opts.BaseURL+"/pins/"+strconv.FormatInt(att.PinID, 10))
	}
	if att.BoardID != 0 {
		r.EvidenceMedia = append(r.EvidenceMedia, s.opts.BaseURL+"/boards/"+strconv.FormatInt(att.BoardID, 10))
	}
	if att.ProfileID != 0 {
		p, err := tx.AccountByID(ctx, att.ProfileID)
		if err != nil && ErrorCode(err) != ENOTFOUND {
			return nil, err
		} else if err == nil {
			r.EvidenceMedia = append(r.EvidenceMedia, s.AccountIRI(p))
		}
	}
	for _, im := range att.Images {
		r.EvidenceMedia = append(r.EvidenceMedia, "media:"+im.Key)
	}
	return r, nil
}

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
	r.Local, r.MessageID, r.Forwarded = false, 0, false
	_, err := s.store.CreateReport(ctx, r)
	return withContext("file report", err)
}

// Reports lists reports, local and received, for admins: open ones
// first, newest first, then resolved ones; with their reporters, targets
// and resolving admins loaded.
func (s *Service) Reports(ctx context.Context, actor *Account, limit int) ([]*Report, error) {
	if actor == nil || !actor.IsAdmin {
		return nil, Errorf(EFORBIDDEN, "only admins can read reports")
	}
	rs, err := s.store.ListReports(ctx, clampLimit(limit))
	if err != nil {
		return nil, withContext("reports", err)
	}
	ids := make([]int64, 0, 3*len(rs))
	for _, r := range rs {
		ids = append(ids, r.ReporterID, r.TargetAccountID, r.ResolvedByID)
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	for _, r := range rs {
		r.Reporter, r.Target, r.ResolvedBy = accounts[r.ReporterID], accounts[r.TargetAccountID], accounts[r.ResolvedByID]
	}
	return rs, withContext("reports", err)
}
