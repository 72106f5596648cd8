package activitypub

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// maxFlagObjects bounds what one report may name.
const maxFlagObjects = 50

// processFlag stores a report about our people, pins or messages for the
// admins. Its object lists the reported actor and posts (Mastodon and
// GoToSocial send it from their instance actor, without addressing);
// reports naming nothing of ours are ignored.
func (f *Federation) processFlag(ctx context.Context, a *vocab.Activity) error {
	r := &corkboard.Report{IRI: a.ID, ReporterIRI: a.Actor.ID, Comment: htmlText(a.Content)}
	for _, iri := range a.Objects.IDs() {
		if len(r.ObjectIRIs) >= maxFlagObjects {
			break
		}
		if id := f.localMessageID(iri); id != 0 {
			if err := f.flaggedMessage(ctx, a.Actor.ID, id, r); err != nil {
				return err
			}
			continue
		}
		ref, ok := f.parseLocal(iri)
		if !ok {
			continue
		}
		r.ObjectIRIs = append(r.ObjectIRIs, iri)
		if ref.Kind == "person" && r.TargetAccountID == 0 {
			if acct, err := f.Store.AccountByUsername(ctx, ref.Username); err == nil {
				r.TargetAccountID = acct.ID
			}
		}
	}
	if len(r.ObjectIRIs) == 0 {
		return nil
	}
	if reporter, err := f.actorByIRI(ctx, a.Actor.ID); err == nil {
		r.ReporterID = reporter.Account.ID
	} else {
		f.Log.Info("report from an actor we could not fetch", "actor", a.Actor.ID, "error", err)
	}
	return f.Service.FileRemoteReport(ctx, r)
}

// localMessageID returns the id of our message named by iri, or 0.
func (f *Federation) localMessageID(iri string) int64 {
	rest, ok := strings.CutPrefix(iri, f.BaseURL+"/messages/")
	if !ok {
		return 0
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// flaggedMessage adds a reported message of ours to r, with a copy of its
// text as evidence, only when the reporting server took part in its
// conversation: a message is private, and a server that never received
// it must not learn that it exists, nor make our admins read it.
func (f *Federation) flaggedMessage(ctx context.Context, reporterIRI string, id int64, r *corkboard.Report) error {
	m, err := f.Store.MessageByID(ctx, id)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil
	} else if err != nil {
		return wrap("flagged message", err)
	}
	if m.IRI != "" || !m.DeletedAt.IsZero() {
		return nil
	}
	received, err := f.serverReceived(ctx, reporterIRI, m)
	if err != nil || !received {
		return wrap("flagged message", err)
	}
	r.ObjectIRIs = append(r.ObjectIRIs, f.messageIRI(m.ID))
	if r.Evidence == "" {
		r.Evidence = m.Text
	}
	if r.TargetAccountID == 0 {
		r.TargetAccountID = m.SenderID
	}
	return nil
}

// serverReceived tells whether someone on the reporter's server is a
// participant of the message's conversation.
func (f *Federation) serverReceived(ctx context.Context, reporterIRI string, m *corkboard.Message) (bool, error) {
	host := hostOf(reporterIRI)
	members, err := f.Store.Members(ctx, m.ConversationID)
	if err != nil || host == "" {
		return false, err
	}
	ids := make([]int64, len(members))
	for i, mb := range members {
		ids[i] = mb.AccountID
	}
	accounts, err := f.Store.AccountsByIDs(ctx, ids)
	if err != nil {
		return false, err
	}
	for _, a := range accounts {
		if !a.IsLocal() && strings.EqualFold(hostOf(a.IRI), host) {
			return true, nil
		}
	}
	return false, nil
}

// hostOf is the host (with port) of an IRI, or "".
func hostOf(iri string) string {
	u, err := url.Parse(iri)
	if err != nil {
		return ""
	}
	return u.Host
}
