package corkboard

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// IncomingMessage is a direct message from another server, as the
// federation layer reads it: who sent it, every other participant it
// addresses (local and remote accounts), its thread and what it carries.
type IncomingMessage struct {
	Sender       *Account
	Recipients   []*Account // every participant but the sender
	ContextIRI   string     // the thread (context or conversation), if any
	InReplyToIRI string
	IRI          string // the message's id
	Text         string
	PinIRI       string  // our `pin` extension: a local pin, or a remote one stored already
	Images       []Image // already stored through IntakeRemoteImage
	Published    time.Time
}

// ReceiveMessage stores a remote message in its conversation for the
// local people it addresses, in one transaction, and notifies them. It is
// idempotent by message IRI. It returns nil (and no error) when the
// message is dropped: no local recipient, or every one of them blocks the
// sender. Images it does not keep are released.
func (s *Service) ReceiveMessage(ctx context.Context, in IncomingMessage) (*Message, error) {
	msg, err := s.receiveMessage(ctx, in)
	if msg == nil || err != nil {
		s.releaseImages(ctx, in.Images)
	}
	return msg, withContext("receive message", err)
}

func (s *Service) receiveMessage(ctx context.Context, in IncomingMessage) (*Message, error) {
	if in.Sender == nil || in.Sender.IsLocal() || in.IRI == "" {
		return nil, Errorf(EINVALID, "a remote message needs a remote sender and an id")
	}
	if _, err := s.store.MessageByIRI(ctx, in.IRI); err == nil {
		return nil, nil // a redelivery
	} else if ErrorCode(err) != ENOTFOUND {
		return nil, err
	}
	local, blockers, err := s.localRecipients(ctx, in)
	if err != nil || len(local) == len(blockers) {
		return nil, err // nobody here may receive it: dropped silently
	}
	att := MessageAttachment{Images: in.Images}
	if att.PinID, err = s.messagePinID(ctx, in.PinIRI); err != nil {
		return nil, err
	}
	text := truncate(strings.TrimSpace(in.Text), 5000)
	if text == "" && att.PinID == 0 && len(att.Images) == 0 {
		return nil, Errorf(EINVALID, "an empty message")
	}
	var msg *Message
	err = s.store.InTx(ctx, func(tx Store) error {
		// A Delete may have been processed while this message's images
		// were fetched: its tombstone, checked again here, wins.
		if gone, err := tx.IsTombstoned(ctx, in.IRI); err != nil || gone {
			msg = nil
			return err
		}
		c, err := s.incomingConversation(ctx, tx, in, local, blockers)
		if err != nil {
			return err
		}
		msg = &Message{ConversationID: c.ID, SenderID: in.Sender.ID, Text: text, IRI: in.IRI,
			InReplyToIRI: in.InReplyToIRI, Attachment: att, CreatedAt: s.receivedAt(in.Published)}
		if err := tx.CreateMessage(ctx, msg); err != nil {
			return err
		}
		if err := tx.RecordNewMessage(ctx, msg); err != nil {
			return err
		}
		members, err := tx.Members(ctx, c.ID)
		if err != nil {
			return err
		}
		return s.notifyMembers(ctx, tx, c, members, msg)
	})
	if err != nil {
		return nil, err
	}
	return msg, nil
}

// localRecipients returns the addressed local people who can receive
// messages, and those of them who block the sender.
func (s *Service) localRecipients(ctx context.Context, in IncomingMessage) ([]*Account, map[int64]bool, error) {
	var local []*Account
	blockers := map[int64]bool{}
	for _, r := range in.Recipients {
		if r == nil || !r.IsLocal() || r.Disabled || !r.Approved {
			continue
		}
		local = append(local, r)
		blocked, err := s.store.IsBlocked(ctx, r.ID, in.Sender.ID)
		if err != nil {
			return nil, nil, err
		}
		if blocked {
			blockers[r.ID] = true
		}
	}
	return local, blockers, nil
}

// messagePinID finds the pin a message carries: one of ours by its IRI,
// or a remote one we store. A secret pin is not attached (its IRI only
// reached the sender if it leaked; the recipient could not see it anyway).
func (s *Service) messagePinID(ctx context.Context, iri string) (int64, error) {
	if iri == "" {
		return 0, nil
	}
	var p *Pin
	var err error
	if rest, ok := strings.CutPrefix(iri, s.opts.BaseURL+"/pins/"); ok {
		id, perr := strconv.ParseInt(rest, 10, 64)
		if perr != nil {
			return 0, nil
		}
		p, err = s.store.PinByID(ctx, id)
	} else {
		p, err = s.store.PinByIRI(ctx, iri)
	}
	if ErrorCode(err) == ENOTFOUND {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	if p.Secret {
		return 0, nil
	}
	return p.ID, nil
}

// receivedAt is when a message shows as sent: its published time, unless
// that is missing or in the future.
func (s *Service) receivedAt(published time.Time) time.Time {
	now := s.now()
	if published.IsZero() || published.After(now) {
		return now
	}
	return published
}

// releaseImages deletes stored images a dropped message brought.
func (s *Service) releaseImages(ctx context.Context, imgs []Image) {
	for i := range imgs {
		if s.images != nil {
			_ = s.images.Delete(ctx, &imgs[i])
		}
	}
}

// DeleteRemoteMessage blanks a remote message after its sender's Delete.
func (s *Service) DeleteRemoteMessage(ctx context.Context, sender *Account, iri string) error {
	m, err := s.store.MessageByIRI(ctx, iri)
	if err != nil {
		return withContext("delete remote message", err)
	}
	if m.SenderID != sender.ID {
		return Errorf(EFORBIDDEN, "only its sender can delete a message")
	}
	if !m.DeletedAt.IsZero() {
		return nil
	}
	return withContext("delete remote message", s.store.MarkMessageDeleted(ctx, m.ID, s.now()))
}

// IsMessageIRI reports whether iri names a message we keep: one of ours
// or a received one. Messages are never shared or saved.
func (s *Service) IsMessageIRI(ctx context.Context, iri string) (bool, error) {
	if strings.HasPrefix(iri, s.opts.BaseURL+"/messages/") {
		return true, nil
	}
	_, err := s.store.MessageByIRI(ctx, iri)
	if ErrorCode(err) == ENOTFOUND {
		return false, nil
	}
	return err == nil, err
}
