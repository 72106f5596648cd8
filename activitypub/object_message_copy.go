package activitypub

import (
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// A one-recipient copy is how a group message reaches a person whose
// server understands only one-to-one messages (Pixelfed takes a Create
// as a direct message only when its Note has exactly one `to`, on its
// own host, and an empty `cc`; it takes anything else for a post or a
// reply, or drops it). The copy is the group Note addressed to, and mentioning, that
// one person, under an id of its own: Pixelfed keeps one status per id,
// so two of its users on one server given the same id would lose one.

// messageCopyIRI is the IRI of the copy of one of our messages sent to
// one recipient.
func (f *Federation) messageCopyIRI(messageID, recipientID int64) string {
	return f.messageIRI(messageID) + "/copies/" + strconv.FormatInt(recipientID, 10)
}

// copyNote is r's one-recipient copy of a message: same content,
// attachments (images only, as every message Note), context and
// inReplyTo; its own id; to and the only Mention are r.
func (f *Federation) copyNote(mn *messageNote, r *corkboard.Account) ([]byte, error) {
	in, iri := mn.in, f.accountIRI(r)
	in.ID = f.messageCopyIRI(mn.message.ID, r.ID)
	in.To = []string{iri}
	in.Tags = []vocab.TagInput{{Type: vocab.TagMention, Href: iri, Name: "@" + f.handleOf(r)}}
	return f.encodeMessageNote(in, mn.images)
}

// messageCopy serves a recipient's copy of one of our messages to that
// recipient only: a request signed by them. Everyone else gets 404, as
// for the message itself (messageObject).
func (f *Federation) messageCopy(c echo.Context) error {
	rid, err := idParam(c, "account")
	if err != nil {
		return notFound()
	}
	mn, signer, err := f.messageForSigner(c)
	if err != nil {
		return err
	}
	for _, r := range mn.recipients {
		if r.ID == rid && !r.IsLocal() && r.IRI == signer {
			body, err := f.copyNote(mn, r)
			if err != nil {
				return err
			}
			return serveActivity(c, body)
		}
	}
	return notFound()
}
