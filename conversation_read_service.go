package corkboard

import (
	"context"
	"slices"
)

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
	return s.conversationViews(ctx, viewer, cs)
}

// Conversation returns one conversation the viewer takes part in.
func (s *Service) Conversation(ctx context.Context, viewer *Account, id int64) (*ConversationView, error) {
	c, _, err := memberOf(ctx, s.store, viewer, id)
	if err != nil {
		return nil, err
	}
	views, err := s.conversationViews(ctx, viewer, []*Conversation{c})
	if err != nil {
		return nil, err
	}
	return views[0], nil
}

// conversationViews loads members, their accounts and last messages for
// a page of conversations in four queries, however long the page is.
func (s *Service) conversationViews(ctx context.Context, viewer *Account, cs []*Conversation) ([]*ConversationView, error) {
	ids := make([]int64, len(cs))
	lastIDs := make([]int64, 0, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
		if c.LastMessageID != 0 {
			lastIDs = append(lastIDs, c.LastMessageID)
		}
	}
	members, err := s.store.MembersOf(ctx, ids)
	if err != nil {
		return nil, withContext("conversation members", err)
	}
	var accountIDs []int64
	for _, ms := range members {
		for _, m := range ms {
			accountIDs = append(accountIDs, m.AccountID)
		}
	}
	accounts, err := s.store.AccountsByIDs(ctx, accountIDs)
	if err != nil {
		return nil, withContext("conversation accounts", err)
	}
	last, err := s.store.MessagesByIDs(ctx, lastIDs)
	if err != nil {
		return nil, withContext("last messages", err)
	}
	var senderIDs []int64
	for _, m := range last {
		senderIDs = append(senderIDs, m.SenderID)
	}
	blocked, err := s.store.BlockedAmong(ctx, viewer.ID, senderIDs)
	if err != nil {
		return nil, withContext("last messages", err)
	}
	views := make([]*ConversationView, len(cs))
	for i, c := range cs {
		c.Members = members[c.ID]
		v := &ConversationView{Conversation: c, LastMessage: last[c.LastMessageID]}
		if v.LastMessage != nil && blocked[v.LastMessage.SenderID] {
			v.LastMessage = nil // no preview of what a blocked person said
		}
		for _, m := range c.Members {
			m.Account = accounts[m.AccountID]
			if m.AccountID == viewer.ID {
				v.Me = m
			} else if m.Account != nil {
				v.Others = append(v.Others, m.Account)
			}
		}
		if v.LastMessage != nil {
			v.LastMessage.Sender = accounts[v.LastMessage.SenderID]
		}
		views[i] = v
	}
	return views, nil
}

// Messages lists a conversation's messages oldest first, with their
// senders and attachments loaded. Only participants may read them, and
// nobody sees what people they block say in a group they share.
func (s *Service) Messages(ctx context.Context, viewer *Account, conversationID, after int64, limit int) ([]*Message, error) {
	c, _, err := memberOf(ctx, s.store, viewer, conversationID)
	if err != nil {
		return nil, err
	}
	ms, err := s.store.ListMessages(ctx, c.ID, viewer.ID, after, clampLimit(limit))
	if err != nil {
		return nil, withContext("messages", err)
	}
	return ms, s.hydrateMessages(ctx, viewer, ms)
}

// RecentMessages lists the newest messages of a conversation before
// beforeID (0: the newest), oldest first as a thread reads, and whether
// earlier ones exist. Only participants may read them.
func (s *Service) RecentMessages(ctx context.Context, viewer *Account, conversationID, beforeID int64, limit int) ([]*Message, bool, error) {
	c, _, err := memberOf(ctx, s.store, viewer, conversationID)
	if err != nil {
		return nil, false, err
	}
	limit = clampLimit(limit)
	ms, err := s.store.ListMessagesBefore(ctx, c.ID, viewer.ID, beforeID, limit+1)
	if err != nil {
		return nil, false, withContext("messages", err)
	}
	more := len(ms) > limit
	if more {
		ms = ms[:limit]
	}
	slices.Reverse(ms)
	return ms, more, s.hydrateMessages(ctx, viewer, ms)
}

// FirstMessages returns, for conversations the viewer is in (a page of
// Conversations), each one's first message, hydrated: what a request is
// about. A first message from someone the viewer blocks is left out.
func (s *Service) FirstMessages(ctx context.Context, viewer *Account, views []*ConversationView) (map[int64]*Message, error) {
	ids := make([]int64, 0, len(views))
	for _, v := range views {
		if v.Me != nil {
			ids = append(ids, v.Conversation.ID)
		}
	}
	first, err := s.store.FirstMessages(ctx, ids)
	if err != nil {
		return nil, withContext("first messages", err)
	}
	var senderIDs []int64
	for _, m := range first {
		senderIDs = append(senderIDs, m.SenderID)
	}
	blocked, err := s.store.BlockedAmong(ctx, viewer.ID, senderIDs)
	if err != nil {
		return nil, withContext("first messages", err)
	}
	ms := make([]*Message, 0, len(first))
	for id, m := range first {
		if blocked[m.SenderID] {
			delete(first, id)
			continue
		}
		ms = append(ms, m)
	}
	return first, s.hydrateMessages(ctx, viewer, ms)
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
