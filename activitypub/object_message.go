package activitypub

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// messageObject serves one of our messages, only to a request signed by
// a remote participant of its conversation. Everyone else, signed or not
// (the instance actor of another server included), gets 404, never 401
// or 403: even the existence of a message is private.
func (f *Federation) messageObject(c echo.Context) error {
	mn, signer, err := f.messageForSigner(c)
	if err != nil {
		return err
	}
	for _, r := range mn.recipients {
		if !r.IsLocal() && r.IRI == signer {
			return serveActivity(c, mn.body)
		}
	}
	return notFound()
}

// messageForSigner finds the message of the request's :id and who signed
// the request: 404 for a missing, deleted or received message, or an
// unsigned request.
func (f *Federation) messageForSigner(c echo.Context) (mn *messageNote, signer string, err error) {
	ctx := c.Request().Context()
	id, err := idParam(c, "id")
	if err != nil {
		return nil, "", notFound()
	}
	signer, err = f.verifyGET(c)
	if err != nil {
		return nil, "", notFound()
	}
	m, err := f.Store.MessageByID(ctx, id)
	if err != nil || m.IRI != "" || !m.DeletedAt.IsZero() {
		return nil, "", notFound()
	}
	conv, err := f.Store.ConversationByID(ctx, m.ConversationID)
	if err != nil {
		return nil, "", notFound()
	}
	members, err := f.Store.Members(ctx, conv.ID)
	if err != nil {
		return nil, "", err
	}
	mn, err = f.messageNote(ctx, f.Store, conv, members, m)
	if err != nil {
		return nil, "", err
	}
	return mn, signer, nil
}

// messageNote is a message as a Note, with the accounts it goes to.
type messageNote struct {
	body       []byte
	message    *corkboard.Message
	sender     *corkboard.Account
	recipients []*corkboard.Account // every participant but the sender and those who left
	// in and images rebuild the Note with another id and addressing (a
	// one-recipient copy, object_message_copy.go).
	in     vocab.NoteInput
	images []corkboard.Image // attachments beyond in.Image
}

// messageNote builds the Note of one of our messages in the shape
// DESIGN.md fixes: to = the other participants, cc empty, a Mention for
// each (Mastodon demotes a direct message without one), inReplyTo the
// previous message, context and conversation the thread, directMessage.
// An attached pin travels three ways: its image as the attachment, a
// link in content (for everyone), and our `pin` property (for another
// Corkboard, which renders the pin itself).
func (f *Federation) messageNote(ctx context.Context, st Store, c *corkboard.Conversation,
	members []*corkboard.Member, m *corkboard.Message) (*messageNote, error) {
	ids := make([]int64, 0, len(members))
	for _, mb := range members {
		if mb.AccountID == m.SenderID || mb.State != corkboard.MemberLeft {
			ids = append(ids, mb.AccountID)
		}
	}
	accounts, err := st.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("message %d participants: %w", m.ID, err)
	}
	mn := &messageNote{message: m, sender: accounts[m.SenderID]}
	if mn.sender == nil {
		return nil, fmt.Errorf("message %d: sender %d not found", m.ID, m.SenderID)
	}
	id, senderIRI := f.messageIRI(m.ID), f.accountIRI(mn.sender)
	in := vocab.NoteInput{ID: id, AttributedTo: senderIRI, Published: m.CreatedAt, Cc: []string{},
		InReplyTo: m.InReplyToIRI, Context: c.ContextIRI, DirectMessage: true}
	for _, aid := range ids {
		a := accounts[aid]
		if a == nil || aid == m.SenderID {
			continue
		}
		mn.recipients = append(mn.recipients, a)
		iri := f.accountIRI(a)
		in.To = append(in.To, iri)
		in.Tags = append(in.Tags, vocab.TagInput{Type: vocab.TagMention, Href: iri, Name: "@" + f.handleOf(a)})
	}
	content := f.richParagraphs(m.Text)
	images := m.Attachment.Images
	if p := f.messagePin(ctx, st, m); p != nil {
		if !p.Secret { // a secret pin's address would reveal it; its picture was shared on purpose
			in.PinIRI = f.pinActivityIRI(p)
			content += "<p>" + webLink(f.pinPageURL(p)) + "</p>"
		}
		in.Image = f.imageAttachment(p)
	}
	if m.Attachment.BoardID != 0 {
		content += "<p>" + webLink(f.boardIRI(m.Attachment.BoardID)) + "</p>"
	}
	if m.Attachment.ProfileID != 0 {
		if a, err := st.AccountByID(ctx, m.Attachment.ProfileID); err == nil {
			content += "<p>" + webLink(f.accountIRI(a)) + "</p>"
		}
	}
	in.Content = content
	if in.Image == nil && len(images) > 0 {
		in.Image = f.storedImage(images[0])
		images = images[1:]
	}
	mn.in, mn.images = in, images
	body, err := f.encodeMessageNote(in, images)
	if err != nil {
		return nil, fmt.Errorf("note of message %d: %w", m.ID, err)
	}
	mn.body = body
	return mn, nil
}

// encodeMessageNote serializes a message's Note with its further images.
func (f *Federation) encodeMessageNote(in vocab.NoteInput, images []corkboard.Image) ([]byte, error) {
	body, err := vocab.NoteJSON(in)
	if err == nil && len(images) > 0 {
		body, err = f.appendImages(body, images)
	}
	return body, err
}

// messagePin loads the pin a message carries, or nil.
func (f *Federation) messagePin(ctx context.Context, st Store, m *corkboard.Message) *corkboard.Pin {
	if m.Attachment.PinID == 0 {
		return nil
	}
	p, err := st.PinByID(ctx, m.Attachment.PinID)
	if err != nil {
		return nil
	}
	return p
}

// pinPageURL is a pin's web page: ours, or the remote one's own.
func (f *Federation) pinPageURL(p *corkboard.Pin) string {
	if p.IRI != "" {
		if p.PageURL != "" {
			return p.PageURL
		}
		return p.IRI
	}
	return f.BaseURL + "/pins/" + strconv.FormatInt(p.ID, 10)
}

// storedImage is the attachment of an image a client attached.
func (f *Federation) storedImage(im corkboard.Image) *vocab.ImageInput {
	return f.imageAttachment(&corkboard.Pin{Image: im})
}

// appendImages adds further Image attachments to a Note: NoteInput takes
// one (a pin has exactly one), a message from a client may carry several.
func (f *Federation) appendImages(note []byte, images []corkboard.Image) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(note, &doc); err != nil {
		return nil, err
	}
	list, _ := doc["attachment"].([]any)
	for _, im := range images {
		if in := f.storedImage(im); in != nil {
			list = append(list, map[string]any{"type": "Image", "url": in.URL, "mediaType": in.MediaType})
		}
	}
	doc["attachment"] = list
	return json.Marshal(doc)
}

// handleOf is an account's user@host.
func (f *Federation) handleOf(a *corkboard.Account) string {
	if a.IsLocal() {
		return a.Username + "@" + f.host
	}
	return a.Acct()
}

// messageIRI is the IRI of one of our messages.
func (f *Federation) messageIRI(id int64) string {
	return f.BaseURL + "/messages/" + strconv.FormatInt(id, 10)
}
