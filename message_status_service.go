package corkboard

import (
	"context"
	"strconv"
	"strings"
)

// MessageForViewer returns one message of a conversation the viewer takes
// part in, hydrated, with that conversation as the viewer sees it. A
// message the viewer cannot see (a deleted one, or one from someone the
// viewer blocks) is "not found".
func (s *Service) MessageForViewer(ctx context.Context, viewer *Account, id int64) (*Message, *ConversationView, error) {
	notFound := Errorf(ENOTFOUND, "message not found")
	if viewer == nil {
		return nil, nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	m, err := s.store.MessageByID(ctx, id)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil, notFound
	} else if err != nil {
		return nil, nil, withContext("message", err)
	}
	if !m.DeletedAt.IsZero() {
		return nil, nil, notFound
	}
	v, err := s.Conversation(ctx, viewer, m.ConversationID)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil, notFound
	} else if err != nil {
		return nil, nil, err
	}
	if blocked, err := s.store.IsBlocked(ctx, viewer.ID, m.SenderID); err != nil {
		return nil, nil, withContext("message", err)
	} else if blocked {
		return nil, nil, notFound // as in the thread: what a blocked person says is not shown
	}
	if err := s.hydrateMessages(ctx, viewer, []*Message{m}); err != nil {
		return nil, nil, err
	}
	return m, v, nil
}

// HydrateMessages loads the senders and attachments of messages the
// viewer may read (as Messages does).
func (s *Service) HydrateMessages(ctx context.Context, viewer *Account, ms []*Message) error {
	return s.hydrateMessages(ctx, viewer, ms)
}

// RepliedMessage returns the message m answers, when we hold it and it is
// in the same conversation; nil otherwise.
func (s *Service) RepliedMessage(ctx context.Context, m *Message) *Message {
	if m == nil || m.InReplyToIRI == "" {
		return nil
	}
	var prev *Message
	var err error
	if rest, ok := strings.CutPrefix(m.InReplyToIRI, s.opts.BaseURL+"/messages/"); ok {
		id, perr := strconv.ParseInt(rest, 10, 64)
		if perr != nil {
			return nil
		}
		prev, err = s.store.MessageByID(ctx, id)
	} else {
		prev, err = s.store.MessageByIRI(ctx, m.InReplyToIRI)
	}
	if err != nil || prev.ConversationID != m.ConversationID {
		return nil
	}
	return prev
}
