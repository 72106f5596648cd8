package activitypub

import (
	"fmt"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// commentObject serves a local comment as a Note replying to its pin; a
// browser is sent to the pin's page. A comment on a pin we do not publish
// (secret, or its author hidden) is not found.
func (f *Federation) commentObject(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cm, err := f.Store.CommentByID(ctx, id)
	if err != nil {
		return err
	}
	p, err := f.Service.Pin(ctx, nil, cm.PinID) // a secret pin's comments are not found
	if err != nil {
		return err
	}
	if wantsPage(c) {
		return redirectToPage(c, f.BaseURL+"/pins/"+strconv.FormatInt(p.ID, 10))
	}
	author, err := f.Store.AccountByID(ctx, cm.AccountID)
	if err != nil {
		return err
	}
	if cm.IRI != "" || hidden(author) {
		return notFound()
	}
	body, err := f.commentNoteJSON(cm, author, p, p.Account)
	if err != nil {
		return err
	}
	return serveActivity(c, body)
}

// commentNoteJSON is a comment as a Note: public, in reply to the pin,
// copied to the author's followers and to the pin's owner, whom it
// mentions when remote so that their server notifies them.
func (f *Federation) commentNoteJSON(cm *corkboard.Comment, author *corkboard.Account,
	p *corkboard.Pin, pinOwner *corkboard.Account) ([]byte, error) {
	authorIRI := f.personIRI(author.Username)
	in := vocab.NoteInput{
		ID: f.commentIRI(cm.ID), AttributedTo: authorIRI, Content: f.richParagraphs(cm.Text),
		URL:       f.BaseURL + "/pins/" + strconv.FormatInt(p.ID, 10) + "#comment-" + strconv.FormatInt(cm.ID, 10),
		Published: cm.CreatedAt, InReplyTo: f.pinActivityIRI(p),
		To: []string{vocab.PublicCollection}, Cc: []string{authorIRI + "/followers"},
	}
	if pinOwner != nil {
		ownerIRI := f.accountIRI(pinOwner)
		in.Cc = append(in.Cc, ownerIRI)
		if !pinOwner.IsLocal() {
			in.Tags = []vocab.TagInput{{Type: vocab.TagMention, Href: ownerIRI, Name: "@" + pinOwner.Acct()}}
		}
	}
	body, err := vocab.NoteJSON(in)
	if err != nil {
		return nil, fmt.Errorf("note of comment %d: %w", cm.ID, err)
	}
	return body, nil
}

// pinActivityIRI is a pin's ActivityPub id, local or remote.
func (f *Federation) pinActivityIRI(p *corkboard.Pin) string {
	if p.IRI != "" {
		return p.IRI
	}
	return f.pinIRI(p.ID)
}
