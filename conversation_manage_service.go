package corkboard

import "context"

// updateMembership changes the viewer's membership of a conversation.
func (s *Service) updateMembership(ctx context.Context, viewer *Account, id int64, change func(c *Conversation, m *Member) error) error {
	return s.store.InTx(ctx, func(tx Store) error {
		c, me, err := memberOf(ctx, tx, viewer, id)
		if err != nil {
			return err
		}
		if err := change(c, me); err != nil {
			return err
		}
		return tx.UpdateMember(ctx, me)
	})
}

// MarkConversationRead sets the viewer's read marker to the last message.
func (s *Service) MarkConversationRead(ctx context.Context, viewer *Account, id int64) error {
	return withContext("mark read", s.updateMembership(ctx, viewer, id, func(c *Conversation, m *Member) error {
		m.LastReadMessageID, m.Unread = c.LastMessageID, 0
		return nil
	}))
}

// MuteConversation stops (or resumes) notifications of a conversation.
func (s *Service) MuteConversation(ctx context.Context, viewer *Account, id int64, muted bool) error {
	return withContext("mute", s.updateMembership(ctx, viewer, id, func(_ *Conversation, m *Member) error {
		m.Muted = muted
		return nil
	}))
}

// LeaveConversation removes the conversation from the viewer's list; new
// messages no longer reach them.
func (s *Service) LeaveConversation(ctx context.Context, viewer *Account, id int64) error {
	return withContext("leave", s.updateMembership(ctx, viewer, id, func(_ *Conversation, m *Member) error {
		m.State, m.Unread = MemberLeft, 0
		return nil
	}))
}

// AcceptRequest moves a conversation from Requests to the list.
func (s *Service) AcceptRequest(ctx context.Context, viewer *Account, id int64) error {
	return withContext("accept request", s.updateMembership(ctx, viewer, id, func(_ *Conversation, m *Member) error {
		if m.State != MemberRequest && m.State != MemberDeclined {
			return Errorf(EINVALID, "this conversation is not a request")
		}
		m.State = MemberActive
		return nil
	}))
}

// DeclineRequest turns a request down: it disappears without telling the
// sender.
func (s *Service) DeclineRequest(ctx context.Context, viewer *Account, id int64) error {
	return withContext("decline request", s.updateMembership(ctx, viewer, id, func(_ *Conversation, m *Member) error {
		if m.State != MemberRequest {
			return Errorf(EINVALID, "this conversation is not a request")
		}
		m.State, m.Unread = MemberDeclined, 0
		return nil
	}))
}

// DeleteMessage deletes one of the viewer's own messages (everywhere it
// went: the Federator sends a Delete).
func (s *Service) DeleteMessage(ctx context.Context, viewer *Account, id int64) error {
	return withContext("delete message", s.store.InTx(ctx, func(tx Store) error {
		m, err := tx.MessageByID(ctx, id)
		if ErrorCode(err) == ENOTFOUND {
			return Errorf(ENOTFOUND, "message not found")
		} else if err != nil {
			return err
		}
		c, _, err := memberOf(ctx, tx, viewer, m.ConversationID)
		if err != nil {
			return Errorf(ENOTFOUND, "message not found")
		}
		if m.SenderID != viewer.ID {
			return Errorf(EFORBIDDEN, "you can delete only your own messages")
		}
		if err := tx.MarkMessageDeleted(ctx, m.ID, s.now()); err != nil {
			return err
		}
		if mf, ok := s.fed.(MessageFederator); ok {
			return mf.MessageDeleted(ctx, tx, c, c.Members, m)
		}
		return nil
	}))
}

// BlockAccount blocks a person: their new messages are refused, follows
// between the two end, and their server is told.
func (s *Service) BlockAccount(ctx context.Context, viewer *Account, targetID int64) error {
	if viewer == nil || viewer.ID == targetID {
		return Errorf(EINVALID, "you cannot block yourself")
	}
	b := &Block{BlockerID: viewer.ID, TargetID: targetID, CreatedAt: s.now()}
	return withContext("block", s.store.InTx(ctx, func(tx Store) error {
		if _, err := tx.AccountByID(ctx, targetID); err != nil {
			return err
		}
		if err := tx.AddBlock(ctx, b); err != nil {
			return err
		}
		for _, pair := range [][2]int64{{viewer.ID, targetID}, {targetID, viewer.ID}} {
			if _, err := tx.DeleteFollow(ctx, pair[0], pair[1], 0); err != nil {
				return err
			}
		}
		if mf, ok := s.fed.(MessageFederator); ok {
			return mf.AccountBlocked(ctx, tx, b)
		}
		return nil
	}))
}

// UnblockAccount lifts a block, and tells a remote person's server.
func (s *Service) UnblockAccount(ctx context.Context, viewer *Account, targetID int64) error {
	if viewer == nil {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	return withContext("unblock", s.store.InTx(ctx, func(tx Store) error {
		b, err := tx.BlockBetween(ctx, viewer.ID, targetID)
		if ErrorCode(err) == ENOTFOUND {
			return nil // not blocked: nothing to lift
		} else if err != nil {
			return err
		}
		if err := tx.RemoveBlock(ctx, viewer.ID, targetID); err != nil {
			return err
		}
		if mf, ok := s.fed.(MessageFederator); ok {
			return mf.AccountUnblocked(ctx, tx, b)
		}
		return nil
	}))
}

// BlockedPeople lists the people the viewer blocks, most recent first.
func (s *Service) BlockedPeople(ctx context.Context, viewer *Account, limit int) ([]*Account, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	as, err := s.store.ListBlocked(ctx, viewer.ID, clampLimit(limit))
	return as, withContext("blocked people", err)
}

// SetMessagePolicy changes who may start a conversation with the viewer.
func (s *Service) SetMessagePolicy(ctx context.Context, viewer *Account, p MessagePolicy) error {
	if _, err := ParseMessagePolicy(string(p)); err != nil {
		return err
	}
	return withContext("set message policy", s.store.SetMessagePolicy(ctx, viewer.ID, p))
}

// MessagePolicy returns who may start a conversation with the viewer.
func (s *Service) MessagePolicy(ctx context.Context, viewer *Account) (MessagePolicy, error) {
	p, err := s.store.MessagePolicy(ctx, viewer.ID)
	return p, withContext("message policy", err)
}
