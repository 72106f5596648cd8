package activitypub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// instanceActor serves the instance's own actor, an Application named
// after our host. It signs what no person does (fetches in authorized-
// fetch mode, for one), so it is always served unsigned: a server that
// wants to verify its signature must be able to read its key.
func (f *Federation) instanceActor(c echo.Context) error {
	id := f.instanceActorIRI()
	pem, err := f.actorPublicKey(c.Request().Context(), id)
	if err != nil {
		return err
	}
	body, err := f.cached("instance:"+id, time.Time{}, func() ([]byte, error) { return f.instanceActorJSON(pem) })
	if err != nil {
		return fmt.Errorf("instance actor document: %w", err)
	}
	return serveActivity(c, body)
}

// instanceActorJSON builds the document as a Person and makes it an
// Application: go-fed's Application has the same properties, but vocab
// keeps one actor builder. Followers, following and discoverability mean
// nothing for it and are dropped, as Mastodon's instance actor has none.
func (f *Federation) instanceActorJSON(pem string) ([]byte, error) {
	id := f.instanceActorIRI()
	person, err := vocab.PersonJSON(vocab.PersonInput{
		ID: id, Username: f.host, Inbox: id + "/inbox", Outbox: id + "/outbox",
		Followers: id + "/followers", Following: id + "/following", SharedInbox: f.sharedInboxIRI(),
		PublicKeyID: f.keyIDFor(id), PublicKeyPEM: pem, ManuallyApprovesFollowers: true,
	})
	if err != nil {
		return nil, err
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(person, &doc); err != nil {
		return nil, err
	}
	delete(doc, "followers")
	delete(doc, "following")
	delete(doc, "discoverable")
	doc["type"] = json.RawMessage(`"Application"`)
	var buf bytes.Buffer
	if err := jsonEncoder(&buf).Encode(doc); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// instanceOutbox is the instance actor's outbox: it publishes nothing.
func (f *Federation) instanceOutbox(c echo.Context) error {
	return serveEmptyCollection(c, f.instanceActorIRI()+"/outbox")
}
