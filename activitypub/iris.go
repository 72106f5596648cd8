package activitypub

import (
	"strconv"
	"strings"

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
