package corkboard

import "context"

// ConversationView is one conversation as a participant sees it.
type ConversationView struct {
	Conversation *Conversation
	Me           *Member
	Others       []*Account
	LastMessage  *Message
}

// Conversations lists the viewer's conversations in a state (active, or
// requests), most recently active first.
func (s *Service) Conversations(ctx context.Context, viewer *Account, state MemberState, before int64, limit int) ([]*ConversationView, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	cs, err := s.store.ListConversations(ctx, viewer.ID, state, before, clampLimit(limit))
	if err != nil {
		return nil, withContext("conversations", err)
	}
	views := make([]*ConversationView, 0, len(cs))
	for _, c := range cs {
		v, err := s.conversationView(ctx, viewer, c)
		if err != nil {
			return nil, err
		}
		views = append(views, v)
	}
	return views, nil
}

// Conversation returns one conversation the viewer takes part in.
func (s *Service) Conversation(ctx context.Context, viewer *Account, id int64) (*ConversationView, error) {
	c, _, err := memberOf(ctx, s.store, viewer, id)
	if err != nil {
		return nil, err
	}
	return s.conversationView(ctx, viewer, c)
}

func (s *Service) conversationView(ctx context.Context, viewer *Account, c *Conversation) (*ConversationView, error) {
	if c.Members == nil {
		var err error
		if c.Members, err = s.store.Members(ctx, c.ID); err != nil {
			return nil, withContext("conversation members", err)
		}
	}
	ids := make([]int64, 0, len(c.Members))
	v := &ConversationView{Conversation: c}
	for _, m := range c.Members {
		ids = append(ids, m.AccountID)
		if m.AccountID == viewer.ID {
			v.Me = m
		}
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("conversation accounts", err)
	}
	for _, m := range c.Members {
		m.Account = accounts[m.AccountID]
		if m.AccountID != viewer.ID && m.Account != nil {
			v.Others = append(v.Others, m.Account)
		}
	}
	if c.LastMessageID != 0 {
		if v.LastMessage, err = s.store.MessageByID(ctx, c.LastMessageID); err != nil {
			return nil, withContext("last message", err)
		}
		v.LastMessage.Sender = accounts[v.LastMessage.SenderID]
	}
	return v, nil
}

// Messages lists a conversation's messages oldest first, with their
// senders and attachments loaded. Only participants may read them.
func (s *Service) Messages(ctx context.Context, viewer *Account, conversationID, after int64, limit int) ([]*Message, error) {
	c, _, err := memberOf(ctx, s.store, viewer, conversationID)
	if err != nil {
		return nil, err
	}
	ms, err := s.store.ListMessages(ctx, c.ID, after, clampLimit(limit))
	if err != nil {
		return nil, withContext("messages", err)
	}
	return ms, s.hydrateMessages(ctx, viewer, ms)
}

// hydrateMessages loads senders and attachments in batches.
func (s *Service) hydrateMessages(ctx context.Context, viewer *Account, ms []*Message) error {
	var accountIDs, pinIDs, boardIDs []int64
	for _, m := range ms {
		accountIDs = append(accountIDs, m.SenderID, m.Attachment.ProfileID)
		pinIDs, boardIDs = append(pinIDs, m.Attachment.PinID), append(boardIDs, m.Attachment.BoardID)
	}
	accounts, err := s.store.AccountsByIDs(ctx, accountIDs)
	if err != nil {
		return withContext("message senders", err)
	}
	pins, err := s.store.PinsByIDs(ctx, pinIDs)
	if err != nil {
		return withContext("message pins", err)
	}
	boards, err := s.store.BoardsByIDs(ctx, boardIDs)
	if err != nil {
		return withContext("message boards", err)
	}
	var shown []*Pin
	for _, m := range ms {
		m.Sender, m.Profile = accounts[m.SenderID], accounts[m.Attachment.ProfileID]
		if p := pins[m.Attachment.PinID]; p != nil && canSeePin(viewer, p) {
			m.Pin = p
			shown = append(shown, p)
		}
		if b := boards[m.Attachment.BoardID]; b != nil && canSeeBoard(viewer, b) {
			m.Board = b
		}
	}
	return s.Hydrate(ctx, viewer, shown)
}

// MessageUnread is what the badge shows: conversations with unread
// messages and pending requests.
type MessageUnread struct {
	Conversations int64
	Requests      int64
}

// UnreadMessages counts what the viewer's messages badge shows.
func (s *Service) UnreadMessages(ctx context.Context, viewer *Account) (MessageUnread, error) {
	var u MessageUnread
	var err error
	if u.Conversations, err = s.store.CountConversations(ctx, viewer.ID, MemberActive, true); err != nil {
		return u, withContext("unread conversations", err)
	}
	u.Requests, err = s.store.CountConversations(ctx, viewer.ID, MemberRequest, false)
	return u, withContext("message requests", err)
}
