package corkboard

import (
	"context"
	"strings"
	"time"
)

// MaxRecipients bounds a conversation: one sender and up to 20 others.
const MaxRecipients = 20

// MessageFederator delivers messages to participants on other servers.
// It is optional: a Federator that implements it federates messages.
type MessageFederator interface {
	MessageSent(ctx context.Context, tx Store, c *Conversation, members []*Member, m *Message) error
	MessageDeleted(ctx context.Context, tx Store, c *Conversation, members []*Member, m *Message) error
	AccountBlocked(ctx context.Context, tx Store, b *Block) error
	AccountUnblocked(ctx context.Context, tx Store, b *Block) error
}

// SendMessage sends text and/or an attachment to 1 to 20 people. It
// continues the conversation of exactly those people, or starts one.
func (s *Service) SendMessage(ctx context.Context, sender *Account, to []int64, text string, att MessageAttachment) (*Message, error) {
	text = strings.TrimSpace(text)
	if err := s.checkMessage(ctx, sender, text, &att); err != nil {
		return nil, err
	}
	recipients, err := s.messageRecipients(ctx, sender, to)
	if err != nil {
		return nil, err
	}
	ids := []int64{sender.ID}
	for _, r := range recipients {
		ids = append(ids, r.ID)
	}
	key := ParticipantKey(ids)
	var msg *Message
	err = s.store.InTx(ctx, func(tx Store) error {
		c, err := tx.ConversationByParticipants(ctx, key, sender.ID)
		if ErrorCode(err) == ENOTFOUND {
			c, err = s.startConversation(ctx, tx, sender, recipients, key)
		}
		if err != nil {
			return err
		}
		msg, err = s.postMessage(ctx, tx, c, sender, text, att)
		return err
	})
	return msg, withContext("send message", err)
}

// Reply adds a message to a conversation the sender takes part in.
func (s *Service) Reply(ctx context.Context, sender *Account, conversationID int64, text string, att MessageAttachment) (*Message, error) {
	text = strings.TrimSpace(text)
	if err := s.checkMessage(ctx, sender, text, &att); err != nil {
		return nil, err
	}
	var msg *Message
	err := s.store.InTx(ctx, func(tx Store) error {
		c, me, err := memberOf(ctx, tx, sender, conversationID)
		if err != nil {
			return err
		}
		if err := replyHeard(ctx, tx, c, sender); err != nil {
			return err
		}
		if me.State == MemberRequest { // replying accepts the request
			me.State = MemberActive
			if err := tx.UpdateMember(ctx, me); err != nil {
				return err
			}
		}
		msg, err = s.postMessage(ctx, tx, c, sender, text, att)
		return err
	})
	return msg, withContext("reply", err)
}

// replyHeard refuses a reply nobody would receive: everyone else in the
// conversation blocks the sender (here, or on their own server).
// c.Members must be loaded (memberOf does).
func replyHeard(ctx context.Context, tx Store, c *Conversation, sender *Account) error {
	var others []int64
	for _, m := range c.Members {
		if m.AccountID != sender.ID {
			others = append(others, m.AccountID)
		}
	}
	blockers, err := tx.BlockersAmong(ctx, sender.ID, others)
	if err != nil {
		return err
	}
	if len(others) > 0 && len(blockers) == len(others) {
		return Errorf(EFORBIDDEN, "you cannot send messages to this conversation")
	}
	return nil
}

// checkMessage bounds the text and checks that the sender may share what
// is attached (a secret pin or board is "not found" for others).
func (s *Service) checkMessage(ctx context.Context, sender *Account, text string, att *MessageAttachment) error {
	if sender == nil {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	if len([]rune(text)) > 5000 {
		return Errorf(EINVALID, "a message must be at most 5000 characters")
	}
	if text == "" && att.PinID == 0 && att.BoardID == 0 && att.ProfileID == 0 && len(att.Images) == 0 && len(att.MediaIDs) == 0 {
		return Errorf(EINVALID, "write something or attach a pin")
	}
	if len(att.MediaIDs) > 0 {
		images, err := s.messageMedia(ctx, sender, att.MediaIDs)
		if err != nil {
			return err
		}
		att.Images = append(att.Images, images...)
	}
	if att.PinID != 0 {
		if _, err := s.Pin(ctx, sender, att.PinID); err != nil {
			return err
		}
	}
	if att.BoardID != 0 {
		b, err := s.BoardByID(ctx, sender, att.BoardID)
		if err != nil {
			return err
		}
		if b.Secret {
			return Errorf(EINVALID, "a secret board cannot be sent")
		}
	}
	if att.ProfileID != 0 {
		if _, err := s.store.AccountByID(ctx, att.ProfileID); err != nil {
			return withContext("attached profile", err)
		}
	}
	return nil
}

// messageRecipients loads and checks the people a message goes to.
func (s *Service) messageRecipients(ctx context.Context, sender *Account, to []int64) ([]*Account, error) {
	seen := map[int64]bool{sender.ID: true}
	var ids []int64
	for _, id := range to {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, Errorf(EINVALID, "choose at least one person to send to")
	}
	if len(ids) > MaxRecipients {
		return nil, Errorf(EINVALID, "a conversation can have at most %d other people", MaxRecipients)
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("recipients", err)
	}
	out := make([]*Account, 0, len(ids))
	for _, id := range ids {
		a := accounts[id]
		if a == nil || a.Disabled || !a.Approved {
			return nil, Errorf(ENOTFOUND, "one of the people you chose does not exist")
		}
		if blocked, err := s.store.IsBlocked(ctx, a.ID, sender.ID); err != nil {
			return nil, withContext("recipients", err)
		} else if blocked {
			return nil, Errorf(EFORBIDDEN, "you cannot send messages to %s", a.Acct())
		}
		out = append(out, a)
	}
	return out, nil
}

// memberOf returns a conversation and the viewer's membership. A
// conversation the viewer is not in (or has left) is "not found": its
// existence is private too.
func memberOf(ctx context.Context, tx Store, viewer *Account, id int64) (*Conversation, *Member, error) {
	if viewer == nil {
		return nil, nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	notFound := Errorf(ENOTFOUND, "conversation not found")
	c, err := tx.ConversationByID(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil, notFound
	} else if err != nil {
		return nil, nil, err
	}
	members, err := tx.Members(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	c.Members = members
	for _, m := range members {
		if m.AccountID == viewer.ID && m.State != MemberLeft {
			return c, m, nil
		}
	}
	return nil, nil, notFound
}

// newConversationWindow is the window of the per-sender limit on new
// conversations.
const newConversationWindow = time.Hour
