package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// maxFlagObjects bounds what one report may name.
const maxFlagObjects = 50

// processFlag stores a report about our people or pins for the admins.
// Its object lists the reported actor and posts (GoToSocial sends it from
// its instance actor, without addressing); reports naming nothing of ours
// are ignored.
func (f *Federation) processFlag(ctx context.Context, a *vocab.Activity) error {
	r := &corkboard.Report{IRI: a.ID, ReporterIRI: a.Actor.ID, Comment: htmlText(a.Content)}
	for _, iri := range a.Objects.IDs() {
		ref, ok := f.parseLocal(iri)
		if !ok || len(r.ObjectIRIs) >= maxFlagObjects {
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
