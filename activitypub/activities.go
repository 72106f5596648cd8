package activitypub

import (
	"encoding/json"
	"fmt"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// The activities we send about pins and follows, built with vocab. Their
// ids come from iris.go. Each returns the serialized activity, the one
// body every recipient's delivery shares.

// pinCreateJSON is Create(Note) of a pin by its owner: what outboxes list
// and followers receive. Cached like the Note.
func (f *Federation) pinCreateJSON(p *corkboard.Pin, owner *corkboard.Account, savedFrom string) ([]byte, error) {
	id := f.pinIRI(p.ID)
	return f.cached("create:"+id, p.UpdatedAt, func() ([]byte, error) {
		note, err := f.pinNoteJSON(p, owner, savedFrom)
		if err != nil {
			return nil, err
		}
		ownerIRI := f.personIRI(owner.Username)
		return activity(vocab.ActivityInput{ID: createIRI(id), Type: "Create", Actor: ownerIRI, ObjectJSON: note,
			To: []string{vocab.PublicCollection}, Cc: []string{ownerIRI + "/followers"}, Published: p.CreatedAt})
	})
}

// pinUpdateJSON is Update(Note) of an edited or moved pin.
func (f *Federation) pinUpdateJSON(p *corkboard.Pin, owner *corkboard.Account, savedFrom string) ([]byte, error) {
	note, err := f.pinNoteJSON(p, owner, savedFrom)
	if err != nil {
		return nil, err
	}
	ownerIRI, id := f.personIRI(owner.Username), f.pinIRI(p.ID)
	return activity(vocab.ActivityInput{ID: updateIRI(id, p.UpdatedAt), Type: "Update", Actor: ownerIRI, ObjectJSON: note,
		To: []string{vocab.PublicCollection}, Cc: []string{ownerIRI + "/followers"}, Published: p.UpdatedAt})
}

// boardAnnounceJSON is a board's Announce of one of its pins: how a
// board's followers hear of the pins added to it. It names the Note by
// IRI; receivers that do not have it fetch it.
func (f *Federation) boardAnnounceJSON(p *corkboard.Pin) ([]byte, error) {
	boardIRI := f.boardIRI(p.BoardID)
	return f.cached("announce:"+boardIRI+":"+f.pinIRI(p.ID), p.CreatedAt, func() ([]byte, error) {
		return activity(vocab.ActivityInput{ID: announceIRI(boardIRI, p.ID), Type: "Announce", Actor: boardIRI,
			Object: f.pinIRI(p.ID), To: []string{vocab.PublicCollection}, Cc: []string{boardIRI + "/followers"},
			Published: p.CreatedAt})
	})
}

// deleteJSON is the Delete of an object by its author. The object is a
// Tombstone, as Mastodon sends: Pixelfed ignores a Delete whose object is
// a bare IRI unless it is the actor itself.
func deleteJSON(actorIRI, objectIRI string) ([]byte, error) {
	tombstone, err := json.Marshal(map[string]string{"id": objectIRI, "type": "Tombstone"})
	if err != nil {
		return nil, err
	}
	return activity(vocab.ActivityInput{ID: deleteIRI(objectIRI), Type: "Delete", Actor: actorIRI,
		ObjectJSON: tombstone, To: []string{vocab.PublicCollection}})
}

// undoJSON wraps an activity we sent in an Undo. Receivers match the
// embedded activity by id (GoToSocial) or by its actor and object
// (Mastodon), so the embedded one must be the original, rebuilt.
func undoJSON(actorIRI string, undone []byte) ([]byte, error) {
	var head struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(undone, &head); err != nil {
		return nil, fmt.Errorf("undo: %w", err)
	}
	return activity(vocab.ActivityInput{ID: undoIRI(head.ID), Type: "Undo", Actor: actorIRI, ObjectJSON: undone})
}

// followJSON is a Follow activity: ours of a remote actor (its id the
// follow's IRI), or a remote follower's, rebuilt to embed in an answer.
func followJSON(id, followerIRI, targetIRI string) ([]byte, error) {
	return activity(vocab.ActivityInput{ID: id, Type: "Follow", Actor: followerIRI, Object: targetIRI})
}

// activity builds one activity document, naming it in errors.
func activity(in vocab.ActivityInput) ([]byte, error) {
	body, err := vocab.ActivityJSON(in)
	if err != nil {
		return nil, fmt.Errorf("build %s %s: %w", in.Type, in.ID, err)
	}
	return body, nil
}
