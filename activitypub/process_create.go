package activitypub

import (
	"context"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// processCreate handles a new Note: a public (or unlisted) one with an
// image from someone local people follow becomes a remote pin; a public
// reply to one of our pins becomes a comment; a direct one is a message
// (processDirectNote, process_message.go). Anything else (followers-only posts, polls, replies
// elsewhere) is not ours to keep.
func (f *Federation) processCreate(ctx context.Context, a *vocab.Activity) error {
	ref := a.Object()
	// An actor creates objects on its own server only: a Create claiming
	// an id elsewhere is forged or confused, and is refused unfetched.
	if !sameHost(ref.ID, a.Actor.ID) {
		return refuse("Create of %s by %s: the object is not on the actor's server", ref.ID, a.Actor.ID)
	}
	if gone, err := f.Store.IsTombstoned(ctx, ref.ID); err != nil || gone {
		return err // deleted before its Create was processed: stays deleted
	}
	o, err := f.objectOf(ctx, a)
	if err != nil {
		return err
	}
	if o.Author() != a.Actor.ID {
		return refuse("Create of %s by %s: the author is %s", o.ID, a.Actor.ID, o.Author())
	}
	author, err := f.personSender(ctx, a)
	if err != nil {
		return err
	}
	switch o.Type {
	case "ChatMessage":
		return f.processDirectNote(ctx, a, o)
	case "Note", "Article", "Page":
		return f.createNote(ctx, a, author, o)
	}
	return nil
}

// createNote decides what a Note is to us by its addressing and reply.
func (f *Federation) createNote(ctx context.Context, a *vocab.Activity, author *corkboard.Account, o *vocab.Object) error {
	switch visibilityOf(o, author.FollowersURL) {
	case visibilityDirect:
		return f.processDirectNote(ctx, a, o)
	case visibilityFollowers:
		return nil // followers-only posts are not pins: our pins are public
	}
	if o.InReplyTo != "" {
		if pinID := f.localPinID(string(o.InReplyTo)); pinID != 0 {
			return f.createComment(ctx, author, o, pinID)
		}
		return nil // a reply to something not ours
	}
	if len(o.Images()) == 0 || o.Sensitive {
		return nil // not a pin (we have no content warnings to honour yet)
	}
	return f.createPin(ctx, author, o, f.noteBoard(ctx, author, o))
}

// createPin stores a pin from a person or board that local people
// follow; nobody here would see it otherwise.
func (f *Federation) createPin(ctx context.Context, author *corkboard.Account, o *vocab.Object, board *corkboard.Board) error {
	followed, err := f.followedHere(ctx, author, board)
	if err != nil || !followed {
		return err
	}
	p := pinFrom(o)
	p.AccountID = author.ID
	if board != nil {
		p.BoardID = board.ID
	}
	_, err = f.Service.SaveRemotePin(ctx, p, string(o.Images()[0].URL))
	return err
}

// followedHere reports whether a local person follows the author or the
// board (accepted follows only).
func (f *Federation) followedHere(ctx context.Context, author *corkboard.Account, board *corkboard.Board) (bool, error) {
	n, err := f.Store.CountFollowers(ctx, author.ID, 0)
	if err != nil || n > 0 || board == nil {
		return n > 0, err
	}
	n, err = f.Store.CountFollowers(ctx, 0, board.ID)
	return n > 0, err
}

// noteBoard returns the author's board a Note is on (FEP-1b12: its
// audience is the board's Group), or nil.
func (f *Federation) noteBoard(ctx context.Context, author *corkboard.Account, o *vocab.Object) *corkboard.Board {
	for _, iri := range o.Audience {
		if !sameHost(iri, author.IRI) || iri == author.IRI {
			continue
		}
		ra, err := f.actorByIRI(ctx, iri)
		if err == nil && ra.Board != nil && ra.Board.AccountID == author.ID {
			return ra.Board
		}
	}
	return nil
}

// createComment stores a public reply to one of our pins as a comment.
func (f *Federation) createComment(ctx context.Context, author *corkboard.Account, o *vocab.Object, pinID int64) error {
	c := &corkboard.Comment{PinID: pinID, AccountID: author.ID, Text: htmlText(o.Content), IRI: o.ID, CreatedAt: o.Published.Time}
	_, err := f.Service.SaveRemoteComment(ctx, c)
	return err
}

// objectOf returns the activity's object. An embedded copy is taken only
// from the actor's own server, and not from a forward (resolve_object.go);
// anything else is fetched from where it lives. Our own objects are never
// taken from a payload (callers look them up).
func (f *Federation) objectOf(ctx context.Context, a *vocab.Activity) (*vocab.Object, error) {
	ref := a.Object()
	switch {
	case ref.ID == "":
		return nil, permanent(corkboard.Errorf(corkboard.EINVALID, "%s has no object", a.Type))
	case f.isLocal(ref.ID):
		return nil, refuse("%s %s: our own object is not taken from a payload", a.Type, ref.ID)
	case ref.IsEmbedded() && sameHost(ref.ID, a.Actor.ID) && !isForwarded(ctx):
		o, err := ref.Object()
		return o, permanent(err)
	}
	return f.FetchObject(ctx, ref.ID)
}
