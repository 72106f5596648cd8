package activitypub

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// PinLiked tells a remote pin's server that one of our people likes it.
// A like of a local pin stays here: nothing remote shows like counts.
func (f *Federation) PinLiked(ctx context.Context, tx Store, liker *corkboard.Account, p *corkboard.Pin, likedAt time.Time) error {
	return wrap("federate like", f.sendLike(ctx, tx, liker, p, likedAt, false))
}

// PinUnliked withdraws the like with Undo(Like), the Like rebuilt from
// the same ids.
func (f *Federation) PinUnliked(ctx context.Context, tx Store, liker *corkboard.Account, p *corkboard.Pin, likedAt time.Time) error {
	return wrap("federate unlike", f.sendLike(ctx, tx, liker, p, likedAt, true))
}

func (f *Federation) sendLike(ctx context.Context, tx Store, liker *corkboard.Account, p *corkboard.Pin, likedAt time.Time, undo bool) error {
	if p.IRI == "" || !liker.IsLocal() {
		return nil
	}
	author, err := tx.AccountByID(ctx, p.AccountID)
	if err != nil {
		return err
	}
	likerIRI := f.personIRI(liker.Username)
	body, err := activity(vocab.ActivityInput{ID: likeIRI(likerIRI, p.ID, likedAt), Type: "Like", Actor: likerIRI, Object: p.IRI})
	if err == nil && undo {
		body, err = undoJSON(likerIRI, body)
	}
	if err != nil {
		return err
	}
	return f.send(ctx, tx, outgoing{signer: likerIRI, body: body, inboxes: []string{inboxOf(author)}})
}

// Commented sends one of our people's comments, a Note in reply to the
// pin: to a remote pin's author, or, on a local pin, to every server the
// pin reached, so that replies show where the pin does.
func (f *Federation) Commented(ctx context.Context, tx Store, c *corkboard.Comment, p *corkboard.Pin) error {
	if c.IRI != "" {
		return nil
	}
	author, err := tx.AccountByID(ctx, c.AccountID)
	if err != nil || !author.IsLocal() {
		return wrap("federate comment", err)
	}
	pinAuthor, err := tx.AccountByID(ctx, p.AccountID)
	if err != nil {
		return wrap("federate comment", err)
	}
	var inboxes []string
	if p.IRI != "" {
		inboxes = []string{inboxOf(pinAuthor)}
	} else if inboxes, err = tx.ObjectRecipients(ctx, f.pinIRI(p.ID)); err != nil {
		return wrap("federate comment", err)
	}
	if len(inboxes) == 0 {
		return nil
	}
	note, err := f.commentNoteJSON(c, author, p, pinAuthor)
	if err != nil {
		return wrap("federate comment", err)
	}
	authorIRI, id := f.personIRI(author.Username), f.commentIRI(c.ID)
	body, err := activity(vocab.ActivityInput{ID: createIRI(id), Type: "Create", Actor: authorIRI, ObjectJSON: note,
		To: []string{vocab.PublicCollection}, Cc: []string{authorIRI + "/followers", f.accountIRI(pinAuthor)}, Published: c.CreatedAt})
	if err != nil {
		return wrap("federate comment", err)
	}
	return wrap("federate comment", f.send(ctx, tx, outgoing{signer: authorIRI, body: body, inboxes: inboxes, object: id}))
}

// CommentDeleted sends Delete of one of our people's comments to the
// servers it reached. It comes from the comment's author even when the
// pin's owner removed it: receivers accept a Delete only from the author.
func (f *Federation) CommentDeleted(ctx context.Context, tx Store, c *corkboard.Comment, p *corkboard.Pin) error {
	if c.IRI != "" {
		return nil
	}
	id := f.commentIRI(c.ID)
	inboxes, err := tx.ObjectRecipients(ctx, id)
	if err != nil || len(inboxes) == 0 {
		return wrap("federate comment deletion", err)
	}
	author, err := tx.AccountByID(ctx, c.AccountID)
	if err != nil {
		return wrap("federate comment deletion", err)
	}
	authorIRI := f.personIRI(author.Username)
	body, err := deleteJSON(authorIRI, id)
	if err != nil {
		return wrap("federate comment deletion", err)
	}
	return wrap("federate comment deletion", f.send(ctx, tx, outgoing{signer: authorIRI, body: body, inboxes: inboxes}))
}
