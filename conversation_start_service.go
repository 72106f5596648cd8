package corkboard

import (
	"context"
	"strconv"
	"strings"
)

// startConversation creates a conversation. Each local recipient's state
// follows their rule for who may message them: people they allow land in
// the conversation list, anyone else in Requests. A sender may start only
// so many conversations an hour (spam is cheap; stopping it must be too).
func (s *Service) startConversation(ctx context.Context, tx Store, sender *Account, recipients []*Account, key string) (*Conversation, error) {
	if err := s.checkNewConversationLimit(ctx, tx, sender); err != nil {
		return nil, err
	}
	now := s.now()
	c := &Conversation{ContextIRI: s.opts.BaseURL + "/contexts/" + strings.ToLower(NewSecret()[:22]),
		ParticipantKey: key, StartedByID: sender.ID, CreatedAt: now, UpdatedAt: now}
	members := []*Member{{AccountID: sender.ID, State: MemberActive}}
	for _, r := range recipients {
		state, err := s.initialState(ctx, tx, r, sender)
		if err != nil {
			return nil, err
		}
		members = append(members, &Member{AccountID: r.ID, State: state})
	}
	return c, tx.CreateConversation(ctx, c, members)
}

// checkNewConversationLimit refuses a sender who has started as many
// conversations in the last hour as the limit allows. A local sender is
// told to wait (ERATELIMIT); a remote sender's message is refused for good
// (EFORBIDDEN), so the inbox drops it rather than retrying it later.
func (s *Service) checkNewConversationLimit(ctx context.Context, tx Store, sender *Account) error {
	limit := s.opts.NewConversationsPerHour
	if limit <= 0 {
		return nil
	}
	n, err := tx.CountConversationsStartedSince(ctx, sender.ID, s.now().Add(-newConversationWindow))
	if err != nil {
		return err
	}
	if n < int64(limit) {
		return nil
	}
	if sender.IsLocal() {
		return Errorf(ERATELIMIT, "you have started too many new conversations; try again later")
	}
	return Errorf(EFORBIDDEN, "%s started more than %d conversations here in an hour", sender.Acct(), limit)
}

// initialState decides where a new conversation lands for a recipient.
// Remote recipients are active: their own server applies their rules.
func (s *Service) initialState(ctx context.Context, tx Store, recipient, sender *Account) (MemberState, error) {
	if !recipient.IsLocal() {
		return MemberActive, nil
	}
	policy, err := tx.MessagePolicy(ctx, recipient.ID)
	if err != nil {
		return "", err
	}
	switch policy {
	case MessagesFromEveryone:
		return MemberActive, nil
	case MessagesFromFollowing:
		_, err := tx.FindFollow(ctx, recipient.ID, sender.ID, 0)
		if err == nil {
			return MemberActive, nil
		}
		if ErrorCode(err) != ENOTFOUND {
			return "", err
		}
	}
	return MemberRequest, nil
}

// postMessage stores a message in a conversation, counts it unread for
// the others, notifies local recipients and federates it.
func (s *Service) postMessage(ctx context.Context, tx Store, c *Conversation, sender *Account, text string, att MessageAttachment) (*Message, error) {
	m := &Message{ConversationID: c.ID, SenderID: sender.ID, Text: text, Attachment: att, CreatedAt: s.now()}
	if c.LastMessageID != 0 {
		if prev, err := tx.MessageByID(ctx, c.LastMessageID); err == nil {
			m.InReplyToIRI = s.MessageIRI(prev)
		}
	}
	if err := tx.CreateMessage(ctx, m); err != nil {
		return nil, err
	}
	if err := useMedia(ctx, tx, m, att.MediaIDs); err != nil {
		return nil, err
	}
	if err := tx.RecordNewMessage(ctx, m); err != nil {
		return nil, err
	}
	members := c.Members
	if members == nil {
		var err error
		if members, err = tx.Members(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	if err := s.notifyMembers(ctx, tx, c, members, m); err != nil {
		return nil, err
	}
	if mf, ok := s.fed.(MessageFederator); ok {
		return m, mf.MessageSent(ctx, tx, c, members, m)
	}
	return m, nil
}

// notifyMembers notifies local members who see the conversation (not
// muted, not left or declined, not blocking the sender) of a new message.
func (s *Service) notifyMembers(ctx context.Context, tx Store, c *Conversation, members []*Member, m *Message) error {
	ids := make([]int64, 0, len(members))
	for _, mb := range members {
		ids = append(ids, mb.AccountID)
	}
	accounts, err := tx.AccountsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	blockers, err := tx.BlockersAmong(ctx, m.SenderID, ids)
	if err != nil {
		return err
	}
	for _, mb := range members {
		a := accounts[mb.AccountID]
		if mb.AccountID == m.SenderID || a == nil || !a.IsLocal() || mb.Muted || blockers[mb.AccountID] ||
			(mb.State != MemberActive && mb.State != MemberRequest) {
			continue
		}
		typ := "mention"
		if mb.State == MemberRequest {
			typ = "message_request"
		}
		n := &Notification{AccountID: mb.AccountID, Type: typ, FromAccountID: m.SenderID, MessageID: m.ID,
			ConversationID: c.ID, CreatedAt: m.CreatedAt}
		if err := tx.CreateNotification(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// MessageIRI returns the ActivityPub id of a message.
func (s *Service) MessageIRI(m *Message) string {
	if m.IRI != "" {
		return m.IRI
	}
	return s.opts.BaseURL + "/messages/" + strconv.FormatInt(m.ID, 10)
}
