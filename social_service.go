package corkboard

import (
	"context"
	"strings"
)

// LikePin likes a pin the actor can see; liking twice is harmless.
func (s *Service) LikePin(ctx context.Context, actor *Account, pinID int64) (*Pin, error) {
	p, err := s.Pin(ctx, actor, pinID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx Store) error {
		created, err := tx.AddLike(ctx, actor.ID, p.ID, now)
		if err != nil || !created {
			return err
		}
		p.LikeCount++
		if err := tx.AdjustPinCounts(ctx, p.ID, 0, 1, 0); err != nil {
			return err
		}
		return s.fed.PinLiked(ctx, tx, actor, p, now)
	})
	p.LikedByMe = err == nil
	return p, withContext("like pin", err)
}

// UnlikePin removes the actor's like; removing a missing like is harmless.
func (s *Service) UnlikePin(ctx context.Context, actor *Account, pinID int64) (*Pin, error) {
	p, err := s.Pin(ctx, actor, pinID)
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx Store) error {
		likedAt, err := tx.RemoveLike(ctx, actor.ID, p.ID)
		if err != nil || likedAt.IsZero() {
			return err
		}
		p.LikeCount--
		if err := tx.AdjustPinCounts(ctx, p.ID, 0, -1, 0); err != nil {
			return err
		}
		return s.fed.PinUnliked(ctx, tx, actor, p, likedAt)
	})
	p.LikedByMe = false
	return p, withContext("unlike pin", err)
}

// Comment adds a comment to a pin the actor can see.
func (s *Service) Comment(ctx context.Context, actor *Account, pinID int64, text string) (*Comment, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, Errorf(EINVALID, "write something first")
	}
	if len([]rune(text)) > 2000 {
		return nil, Errorf(EINVALID, "a comment must be at most 2000 characters")
	}
	p, err := s.Pin(ctx, actor, pinID)
	if err != nil {
		return nil, err
	}
	c := &Comment{PinID: p.ID, AccountID: actor.ID, Text: text, CreatedAt: s.now(), Account: actor}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreateComment(ctx, c); err != nil {
			return err
		}
		if err := tx.AdjustPinCounts(ctx, p.ID, 0, 0, 1); err != nil {
			return err
		}
		return s.fed.Commented(ctx, tx, c, p)
	})
	return c, withContext("comment", err)
}

// DeleteComment removes a comment; its author or the pin's owner may.
func (s *Service) DeleteComment(ctx context.Context, actor *Account, id int64) error {
	if actor == nil {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	c, err := s.store.CommentByID(ctx, id)
	if err != nil {
		return withContext("comment", err)
	}
	p, err := s.Pin(ctx, actor, c.PinID)
	if err != nil {
		return err
	}
	if c.AccountID != actor.ID && p.AccountID != actor.ID {
		return Errorf(EFORBIDDEN, "only the comment's author or the pin's owner can delete it")
	}
	return withContext("delete comment", s.store.InTx(ctx, func(tx Store) error {
		if err := s.fed.CommentDeleted(ctx, tx, c, p); err != nil {
			return err
		}
		if err := tx.DeleteComment(ctx, c.ID); err != nil {
			return err
		}
		return tx.AdjustPinCounts(ctx, p.ID, 0, 0, -1)
	}))
}

// Comments lists a pin's comments, oldest first, with their authors.
func (s *Service) Comments(ctx context.Context, viewer *Account, pinID, afterID int64, limit int) ([]*Comment, error) {
	if _, err := s.Pin(ctx, viewer, pinID); err != nil {
		return nil, err
	}
	cs, err := s.store.ListComments(ctx, pinID, afterID, clampLimit(limit))
	if err != nil {
		return nil, withContext("comments", err)
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.AccountID
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("comment authors", err)
	}
	for _, c := range cs {
		c.Account = accounts[c.AccountID]
	}
	return cs, nil
}

// clampLimit bounds page sizes: 1 to 100, default 50.
func clampLimit(n int) int {
	if n <= 0 {
		return 50
	}
	return min(n, 100)
}
