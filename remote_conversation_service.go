package corkboard

import (
	"context"
	"strconv"
	"strings"
)

// incomingConversation finds the conversation a remote message belongs
// to, or starts one. Servers thread direct messages differently: newer
// ones (and we) send a stable context, Mastodon an OStatus conversation
// tag (both arrive as ContextIRI); others only chain inReplyTo; Pleroma
// and Lemmy chats send neither, so the set of participants decides.
//
// A thread found by context or reply is used only when the sender and
// every addressed local person are already in it: anyone can claim a
// context IRI, and adding a person to an existing thread would show them
// its history.
func (s *Service) incomingConversation(ctx context.Context, tx Store, in IncomingMessage,
	local []*Account, blockers map[int64]bool) (*Conversation, error) {
	ids := []int64{in.Sender.ID}
	for _, r := range in.Recipients {
		ids = append(ids, r.ID)
	}
	key := ParticipantKey(ids)
	contextTaken := false
	if in.ContextIRI != "" {
		c, err := tx.ConversationByContext(ctx, in.ContextIRI)
		if err == nil {
			contextTaken = true
			if ok, err := s.threadFits(ctx, tx, c, in.Sender, local); err != nil || ok {
				return c, err
			}
		} else if ErrorCode(err) != ENOTFOUND {
			return nil, err
		}
	}
	if c, err := s.conversationOfReply(ctx, tx, in.InReplyToIRI); err != nil {
		return nil, err
	} else if c != nil {
		if ok, err := s.threadFits(ctx, tx, c, in.Sender, local); err != nil || ok {
			return c, err
		}
	}
	c, err := tx.ConversationByParticipants(ctx, key, local[0].ID)
	if err == nil || ErrorCode(err) != ENOTFOUND {
		return c, err
	}
	contextIRI := in.ContextIRI
	if contextIRI == "" || contextTaken {
		contextIRI = s.opts.BaseURL + "/contexts/" + strings.ToLower(NewSecret()[:22])
	}
	return s.startRemoteConversation(ctx, tx, in, key, contextIRI, blockers)
}

// conversationOfReply is the conversation of the message replied to (one
// received, or one of ours by its IRI), or nil.
func (s *Service) conversationOfReply(ctx context.Context, tx Store, inReplyTo string) (*Conversation, error) {
	if inReplyTo == "" {
		return nil, nil
	}
	var m *Message
	var err error
	if rest, ok := strings.CutPrefix(inReplyTo, s.opts.BaseURL+"/messages/"); ok {
		rest, _, _ = strings.Cut(rest, "/copies/") // one recipient's copy (Pixelfed) is its message
		id, perr := strconv.ParseInt(rest, 10, 64)
		if perr != nil {
			return nil, nil
		}
		m, err = tx.MessageByID(ctx, id)
	} else {
		m, err = tx.MessageByIRI(ctx, inReplyTo)
	}
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return tx.ConversationByID(ctx, m.ConversationID)
}

// threadFits reports whether sender and every local recipient are
// members of c.
func (s *Service) threadFits(ctx context.Context, tx Store, c *Conversation, sender *Account, local []*Account) (bool, error) {
	members, err := tx.Members(ctx, c.ID)
	if err != nil {
		return false, err
	}
	in := make(map[int64]bool, len(members))
	for _, m := range members {
		in[m.AccountID] = true
	}
	if !in[sender.ID] {
		return false, nil
	}
	for _, a := range local {
		if !in[a.ID] {
			return false, nil
		}
	}
	c.Members = members
	return true, nil
}

// startRemoteConversation creates the conversation of a first remote
// message. Each local recipient's state follows their rule for who may
// message them (initialState, as for local senders); one who blocks the
// sender is in it as declined, so it never shows for them. A remote
// sender is held to the same hourly limit of new conversations.
func (s *Service) startRemoteConversation(ctx context.Context, tx Store, in IncomingMessage, key, contextIRI string,
	blockers map[int64]bool) (*Conversation, error) {
	if err := s.checkNewConversationLimit(ctx, tx, in.Sender); err != nil {
		return nil, err
	}
	now := s.now()
	c := &Conversation{ContextIRI: contextIRI, ParticipantKey: key, StartedByID: in.Sender.ID, CreatedAt: now, UpdatedAt: now}
	members := []*Member{{AccountID: in.Sender.ID, State: MemberActive}}
	seen := map[int64]bool{in.Sender.ID: true}
	for _, r := range in.Recipients {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		state, err := s.initialState(ctx, tx, r, in.Sender)
		if err != nil {
			return nil, err
		}
		if blockers[r.ID] {
			state = MemberDeclined
		}
		members = append(members, &Member{AccountID: r.ID, State: state})
	}
	return c, tx.CreateConversation(ctx, c, members)
}
