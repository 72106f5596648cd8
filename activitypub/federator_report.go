package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

var _ corkboard.ReportFederator = (*Federation)(nil)

// MessageReported forwards one of our people's report of a remote
// person's message to that person's server, as Mastodon does: a Flag
// whose actor is our instance actor (so the reporter stays unnamed), whose
// object lists the reported actor then the message, and whose content is
// the comment. Like Mastodon it goes to the person's own inbox, which
// every server has (GoToSocial has no shared inbox), else to the shared
// inbox.
func (f *Federation) MessageReported(ctx context.Context, tx Store, r *corkboard.Report, target *corkboard.Account) error {
	if target.IsLocal() || target.IRI == "" {
		return nil
	}
	actor := f.instanceActorIRI()
	body, err := activity(vocab.ActivityInput{ID: r.IRI, Type: "Flag", Actor: actor,
		Objects: append([]string{target.IRI}, r.ObjectIRIs...), Content: r.Comment, To: []string{target.IRI}})
	if err != nil {
		return wrap("federate report", err)
	}
	return wrap("federate report", f.send(ctx, tx, outgoing{signer: actor, body: body, inboxes: []string{inboxOf(target)}}))
}
