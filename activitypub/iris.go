package activitypub

import (
	"strconv"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
)

// Our IRI scheme, in one place. Objects are named by stable numeric ids,
// so renaming a board never changes its identity; people by username,
// which cannot change. Activity ids derive from the thing they act on, so
// that an Undo can name the original without storing it.
//
//	person      /users/{username}             (+ /inbox /outbox /followers /following /featured)
//	board       /boards/{id}                  (+ /inbox /outbox /followers)
//	pin         /pins/{id}
//	comment     /comments/{id}
//	follow      /follows/{id}
//	instance    /actor                        (+ /inbox)
//	shared      /inbox

func (f *Federation) personIRI(username string) string { return f.BaseURL + "/users/" + username }
func (f *Federation) boardIRI(id int64) string {
	return f.BaseURL + "/boards/" + strconv.FormatInt(id, 10)
}
func (f *Federation) pinIRI(id int64) string { return f.BaseURL + "/pins/" + strconv.FormatInt(id, 10) }
func (f *Federation) commentIRI(id int64) string {
	return f.BaseURL + "/comments/" + strconv.FormatInt(id, 10)
}
func (f *Federation) followIRI(id int64) string {
	return f.BaseURL + "/follows/" + strconv.FormatInt(id, 10)
}
func (f *Federation) instanceActorIRI() string        { return f.BaseURL + "/actor" }
func (f *Federation) sharedInboxIRI() string          { return f.BaseURL + "/inbox" }
func (f *Federation) keyIDFor(actorIRI string) string { return actorIRI + "#main-key" }
func (f *Federation) isLocal(iri string) bool         { return strings.HasPrefix(iri, f.BaseURL+"/") }
func (f *Federation) accountIRI(a *corkboard.Account) string {
	if a.IRI != "" {
		return a.IRI
	}
	return f.personIRI(a.Username)
}

// Activity ids: the IRI of what an activity acts on, plus a fragment that
// names the act. Deriving them (instead of storing random ones) lets an
// Undo rebuild the activity it undoes, and keeps a retried delivery the
// same activity for its receiver.
//
//	Create of a pin or comment    {object}#create
//	Update                        {object}#updates/{unix ms of the change}
//	Delete                        {object}#delete
//	a board's Announce of a pin   /boards/{id}#announces/{pin id}
//	a save's Announce of a remote original   /pins/{copy id}#announce
//	Like                          /users/{username}#likes/{pin id}/{unix ms of the like}
//	Follow                        /follows/{id} (the follow's own IRI)
//	Accept, Reject of a follow    {followed actor}#accepts/{follow id}, #rejects/{follow id}
//	Undo                          {undone activity}#undo, or .../undo after a fragment

func createIRI(objectIRI string) string { return objectIRI + "#create" }
func deleteIRI(objectIRI string) string { return objectIRI + "#delete" }
func updateIRI(objectIRI string, at time.Time) string {
	return objectIRI + "#updates/" + strconv.FormatInt(at.UnixMilli(), 10)
}
func announceIRI(boardIRI string, pinID int64) string {
	return boardIRI + "#announces/" + strconv.FormatInt(pinID, 10)
}

// likeIRI names one like: liking again after an unlike is a new activity,
// which receivers (ours included) would drop if it reused the undone id.
func likeIRI(personIRI string, pinID int64, likedAt time.Time) string {
	return personIRI + "#likes/" + strconv.FormatInt(pinID, 10) + "/" + strconv.FormatInt(likedAt.UnixMilli(), 10)
}
func answerIRI(actorIRI string, followID int64, accepted bool) string {
	act := "#rejects/"
	if accepted {
		act = "#accepts/"
	}
	return actorIRI + act + strconv.FormatInt(followID, 10)
}
func undoIRI(activityIRI string) string {
	if strings.Contains(activityIRI, "#") {
		return activityIRI + "/undo"
	}
	return activityIRI + "#undo"
}
