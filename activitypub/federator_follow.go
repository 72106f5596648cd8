package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// Followed sends Follow for one of our people's follow of a remote person
// or board (a Group: its own inbox). The follow's IRI, set here, is the
// Follow's id; it stays pending until the remote side accepts.
func (f *Federation) Followed(ctx context.Context, tx Store, fo *corkboard.Follow) error {
	follower, targetIRI, inbox, err := f.followParties(ctx, tx, fo)
	if err != nil || inbox == "" {
		return wrap("federate follow", err)
	}
	fo.IRI = f.followIRI(fo.ID)
	if err := tx.SetFollowIRI(ctx, fo.ID, fo.IRI); err != nil {
		return wrap("federate follow", err)
	}
	followerIRI := f.personIRI(follower.Username)
	body, err := followJSON(fo.IRI, followerIRI, targetIRI)
	if err != nil {
		return wrap("federate follow", err)
	}
	return wrap("federate follow", f.send(ctx, tx, outgoing{signer: followerIRI, body: body, inboxes: []string{inbox}}))
}

// Unfollowed sends Undo(Follow) for one of our people's follow of a
// remote person or board; unfollowing a local one federates nothing.
func (f *Federation) Unfollowed(ctx context.Context, tx Store, fo *corkboard.Follow) error {
	follower, targetIRI, inbox, err := f.followParties(ctx, tx, fo)
	if err != nil || inbox == "" {
		return wrap("federate unfollow", err)
	}
	id := fo.IRI
	if id == "" {
		id = f.followIRI(fo.ID)
	}
	followerIRI := f.personIRI(follower.Username)
	follow, err := followJSON(id, followerIRI, targetIRI)
	if err != nil {
		return wrap("federate unfollow", err)
	}
	body, err := undoJSON(followerIRI, follow)
	if err != nil {
		return wrap("federate unfollow", err)
	}
	return wrap("federate unfollow", f.send(ctx, tx, outgoing{signer: followerIRI, body: body, inboxes: []string{inbox}}))
}

// followParties loads a follow's local follower and its remote target's
// IRI and inbox. inbox is "" when there is nothing to federate: a local
// target, or a remote follower.
func (f *Federation) followParties(ctx context.Context, tx Store, fo *corkboard.Follow) (*corkboard.Account, string, string, error) {
	follower, err := tx.AccountByID(ctx, fo.FollowerID)
	if err != nil || !follower.IsLocal() {
		return nil, "", "", err
	}
	if fo.TargetBoardID != 0 {
		b, err := tx.BoardByID(ctx, fo.TargetBoardID)
		if err != nil || b.IRI == "" {
			return nil, "", "", err
		}
		return follower, b.IRI, firstOf(b.InboxURL, b.SharedInboxURL), nil
	}
	a, err := tx.AccountByID(ctx, fo.TargetAccountID)
	if err != nil || a.IsLocal() {
		return nil, "", "", err
	}
	return follower, a.IRI, inboxOf(a), nil
}

// FollowAnswered tells a remote follower's server that one of our people,
// or one of our boards, accepted (or rejected) their Follow. The answer
// embeds their Follow and comes from, and is signed by, the followed
// actor: the board itself when a board was followed.
func (f *Federation) FollowAnswered(ctx context.Context, tx Store, fo *corkboard.Follow, accepted bool) error {
	if fo.IRI == "" {
		return fmt.Errorf("federate follow answer: follow %d has no Follow id to answer", fo.ID)
	}
	follower, err := tx.AccountByID(ctx, fo.FollowerID)
	if err != nil || follower.IsLocal() {
		return wrap("federate follow answer", err)
	}
	actorIRI, err := f.localFollowTarget(ctx, tx, fo)
	if err != nil {
		return wrap("federate follow answer", err)
	}
	follow, err := followJSON(fo.IRI, follower.IRI, actorIRI)
	if err != nil {
		return wrap("federate follow answer", err)
	}
	typ := "Reject"
	if accepted {
		typ = "Accept"
	}
	body, err := activity(vocab.ActivityInput{ID: answerIRI(actorIRI, fo.ID, accepted), Type: typ, Actor: actorIRI,
		ObjectJSON: follow, To: []string{follower.IRI}})
	if err != nil {
		return wrap("federate follow answer", err)
	}
	return wrap("federate follow answer", f.send(ctx, tx, outgoing{signer: actorIRI, body: body, inboxes: []string{inboxOf(follower)}}))
}

// localFollowTarget is the IRI of the local person or board followed.
func (f *Federation) localFollowTarget(ctx context.Context, tx Store, fo *corkboard.Follow) (string, error) {
	if fo.TargetBoardID != 0 {
		return f.boardIRI(fo.TargetBoardID), nil
	}
	a, err := tx.AccountByID(ctx, fo.TargetAccountID)
	if err != nil {
		return "", err
	}
	return f.personIRI(a.Username), nil
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
