package corkboard

import "context"

// SaveRemoteComment stores a remote reply to a local pin as a comment and
// counts it; a comment already stored under the same IRI is returned as
// it is, so a redelivered reply counts once.
func (s *Service) SaveRemoteComment(ctx context.Context, c *Comment) (*Comment, error) {
	if old, err := s.store.CommentByIRI(ctx, c.IRI); err == nil {
		return old, nil
	} else if ErrorCode(err) != ENOTFOUND {
		return nil, withContext("save remote comment", err)
	}
	if _, err := s.localPublicPin(ctx, c.PinID); err != nil {
		return nil, err
	}
	c.Text = truncate(c.Text, 2000)
	if c.Text == "" {
		return nil, Errorf(EINVALID, "an empty comment")
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.now()
	}
	err := s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreateComment(ctx, c); err != nil {
			return err
		}
		return tx.AdjustPinCounts(ctx, c.PinID, 0, 0, 1)
	})
	return c, withContext("save remote comment", err)
}

// DeleteRemoteComment deletes a remote comment (its Note was deleted).
func (s *Service) DeleteRemoteComment(ctx context.Context, c *Comment) error {
	return withContext("delete remote comment", s.store.InTx(ctx, func(tx Store) error {
		if err := tx.DeleteComment(ctx, c.ID); err != nil {
			if ErrorCode(err) == ENOTFOUND {
				return nil
			}
			return err
		}
		return tx.AdjustPinCounts(ctx, c.PinID, 0, 0, -1)
	}))
}

// UpdateRemoteComment applies an edit of a remote comment: the new text,
// already reduced to plain text by the caller, bounded like on creation.
// The same text again changes nothing, so a redelivered Update is a no-op.
func (s *Service) UpdateRemoteComment(ctx context.Context, c *Comment, text string) error {
	text = truncate(text, 2000)
	if text == "" {
		return Errorf(EINVALID, "an empty comment")
	}
	if text == c.Text {
		return nil
	}
	if err := s.store.UpdateCommentText(ctx, c.ID, text); err != nil && ErrorCode(err) != ENOTFOUND {
		return withContext("update remote comment", err)
	}
	c.Text = text
	return nil
}
