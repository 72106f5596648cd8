package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// messagePinIRI resolves the pin a received message carries (our `pin`
// extension, sent by other Corkboards) so that it renders natively: one
// of ours, one we keep, or a public pin fetched and stored now (with its
// image, like any remote pin). "" when there is none or it cannot be had;
// the message then keeps its image attachment instead.
func (f *Federation) messagePinIRI(ctx context.Context, iri string) string {
	switch {
	case iri == "" || len(iri) > 2048:
		return ""
	case f.isLocal(iri):
		if f.localPinID(iri) != 0 {
			return iri // the Service checks that it exists and is not secret
		}
		return ""
	}
	if _, err := f.Store.PinByIRI(ctx, iri); err == nil {
		return iri
	}
	p, err := f.fetchMessagePin(ctx, iri)
	if err != nil {
		f.Log.Info("the pin of a received message could not be fetched", "pin", iri, "error", err)
		return ""
	}
	return p.IRI
}

// fetchMessagePin fetches and stores a remote pin: a public Note with an
// image by a person.
func (f *Federation) fetchMessagePin(ctx context.Context, iri string) (*corkboard.Pin, error) {
	if gone, err := f.Store.IsTombstoned(ctx, iri); err != nil || gone {
		return nil, corkboard.Errorf(corkboard.ENOTFOUND, "pin %s is gone (%v)", iri, err)
	}
	o, err := f.FetchObject(ctx, iri)
	if err != nil {
		return nil, err
	}
	author, err := f.actorByIRI(ctx, o.Author())
	switch {
	case err != nil:
		return nil, err
	case author.Board != nil || !sameHost(o.ID, author.IRI):
		return nil, corkboard.Errorf(corkboard.EINVALID, "pin %s: not a person's", iri)
	case o.Type != "Note" || len(o.Images()) == 0 || visibilityOf(o, author.Account.FollowersURL) != visibilityPublic:
		return nil, corkboard.Errorf(corkboard.EINVALID, "pin %s: not a public Note with an image", iri)
	}
	p := pinFrom(o)
	p.AccountID = author.Account.ID
	if b := f.noteBoard(ctx, author.Account, o); b != nil {
		p.BoardID = b.ID
	}
	return f.Service.SaveRemotePin(ctx, p, string(o.Images()[0].URL))
}

// refuseMessageShare refuses an Announce (or any share) of a message:
// messages are private, and are never shared or saved.
func (f *Federation) refuseMessageShare(ctx context.Context, a *vocab.Activity) error {
	ok, err := f.Service.IsMessageIRI(ctx, a.Object().ID)
	if err != nil {
		return err
	}
	if ok {
		return refuse("%s of the message %s: messages are private", a.Type, a.Object().ID)
	}
	return nil
}

// deleteMessage applies the Delete of a received message, which only its
// sender may send. handled is false when id names no message of ours.
func (f *Federation) deleteMessage(ctx context.Context, author *corkboard.Account, id string) (handled bool, err error) {
	if _, err := f.Store.MessageByIRI(ctx, id); corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return false, nil
	} else if err != nil {
		return true, err
	}
	return true, f.Service.DeleteRemoteMessage(ctx, author, id)
}
