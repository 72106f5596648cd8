package activitypub

import (
	"context"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// maxMessageImages bounds the images one received message may bring.
const maxMessageImages = 4

type storedActivityKey struct{}

// withStoredActivity keeps the received activity in the context of its
// processing: who it was delivered to is known only there.
func withStoredActivity(ctx context.Context, a *corkboard.InboxActivity) context.Context {
	return context.WithValue(ctx, storedActivityKey{}, a)
}

func storedActivity(ctx context.Context) *corkboard.InboxActivity {
	a, _ := ctx.Value(storedActivityKey{}).(*corkboard.InboxActivity)
	return a
}

// processDirectNote stores a direct message (a direct Note, a Pleroma or
// Lemmy ChatMessage) in a conversation for the local people it addresses.
// Nobody else may see it: not a local person who was not addressed, even
// when it came through the shared inbox (which serves everyone here).
func (f *Federation) processDirectNote(ctx context.Context, a *vocab.Activity, o *vocab.Object) error {
	if isForwarded(ctx) { // resolve_object.go; messages never travel by inbox forwarding (DESIGN.md)
		return refuse("%s: a message is not taken from a forward", o.ID)
	}
	if _, err := f.Store.MessageByIRI(ctx, o.ID); err == nil {
		return nil // a redelivery (to another of our people's inboxes, say)
	} else if corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		return err
	}
	sender, err := f.personSender(ctx, a)
	if err != nil {
		return err
	}
	local, remote, err := f.messageAudience(ctx, o, sender)
	if err != nil || len(local) == 0 {
		return err // addressed to none of our people
	}
	in := corkboard.IncomingMessage{Sender: sender, Recipients: append(local, remote...),
		ContextIRI: threadOf(o), InReplyToIRI: bounded(string(o.InReplyTo)), IRI: o.ID,
		PinIRI: f.messagePinIRI(ctx, string(o.Pin)), Published: o.Published.Time}
	in.Text = messageText(o, in.PinIRI != "")
	// Images are stored like uploads: never hotlinked. A Corkboard sends
	// an attached pin's picture first, then the images its person added;
	// when we render the pin natively its picture is not stored twice.
	images := o.Images()
	if in.PinIRI != "" && len(images) > 0 {
		images = images[1:]
	}
	for i, img := range images {
		if i == maxMessageImages {
			break
		}
		stored, err := f.Service.IntakeRemoteImage(ctx, string(img.URL))
		if err != nil {
			f.Log.Info("an image of a received message could not be stored", "message", o.ID, "error", err)
			continue
		}
		in.Images = append(in.Images, *stored)
	}
	_, err = f.Service.ReceiveMessage(ctx, in)
	return err
}

// messageAudience sorts a message's participants: our people it names
// (in to, cc, bto, bcc, a Mention, or whose personal inbox received it)
// and the remote people it names besides the sender. A remote one we
// cannot resolve within the fetch budget is left out.
func (f *Federation) messageAudience(ctx context.Context, o *vocab.Object, sender *corkboard.Account) (local, remote []*corkboard.Account, err error) {
	seen := map[int64]bool{sender.ID: true}
	add := func(list *[]*corkboard.Account, acct *corkboard.Account) {
		if acct != nil && !seen[acct.ID] && len(local)+len(remote) < corkboard.MaxRecipients {
			seen[acct.ID] = true
			*list = append(*list, acct)
		}
	}
	if stored := storedActivity(ctx); stored != nil && len(stored.RecipientIDs) > 0 {
		accounts, err := f.Store.AccountsByIDs(ctx, stored.RecipientIDs)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range stored.RecipientIDs {
			add(&local, accounts[id])
		}
	}
	iris := append([]string(nil), o.Recipients()...)
	for _, t := range o.Mentions() {
		iris = append(iris, t.Href)
	}
	var remoteIRIs []string
	for _, iri := range iris {
		if !f.isLocal(iri) {
			if iri != sender.IRI && !vocab.IsPublic(vocab.IRIs{iri}) {
				remoteIRIs = append(remoteIRIs, iri)
			}
			continue
		}
		if ra, err := f.localActor(ctx, iri); err == nil && ra.Board == nil {
			add(&local, ra.Account)
		}
	}
	if len(local) == 0 {
		return nil, nil, nil // fetch nothing for a message not for us
	}
	for _, iri := range remoteIRIs {
		ra, err := f.actorByIRI(ctx, iri)
		if err != nil || ra.Board != nil {
			f.Log.Info("a participant of a received message is left out", "actor", iri, "error", err)
			continue
		}
		add(&remote, ra.Account)
	}
	return local, remote, nil
}

// messageText is a message's content as plain text. Another Corkboard
// sends an attached pin as a last paragraph holding only the pin's link
// (for software that does not know our `pin` property); when the pin
// renders natively, that paragraph goes.
func messageText(o *vocab.Object, pinRendered bool) string {
	ps := htmlParagraphs(o.Content)
	if n := len(ps); n > 0 && pinRendered && ps[n-1].LinkOnly != "" {
		ps = ps[:n-1]
	}
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n\n")
}

// threadOf is a message's thread: its context, else Mastodon's OStatus
// conversation.
func threadOf(o *vocab.Object) string {
	if o.Context != "" {
		return bounded(string(o.Context))
	}
	return bounded(string(o.Conversation))
}

// bounded drops an IRI too long to be stored (2048 characters).
func bounded(iri string) string {
	if len(iri) > 2048 {
		return ""
	}
	return iri
}
