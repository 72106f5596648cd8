package corkboard

import (
	"context"
	"io"
	"strings"
	"time"
)

// MaxMessageMedia bounds the uploaded images one message may carry, as
// Mastodon bounds a status's media.
const MaxMessageMedia = 4

// MediaAttachment is an image uploaded through the client API ahead of the
// message that will carry it. It is pending until a message uses it
// (MessageID set); each can be used once, by its uploader only.
type MediaAttachment struct {
	ID          int64
	AccountID   int64
	Image       Image
	Description string
	MessageID   int64 // 0 while pending
	CreatedAt   time.Time
}

// MediaStore keeps uploaded media attachments.
type MediaStore interface {
	// CreateMediaAttachment stores a pending attachment and sets its ID.
	CreateMediaAttachment(ctx context.Context, m *MediaAttachment) error
	// MediaAttachmentByID finds an attachment.
	MediaAttachmentByID(ctx context.Context, id int64) (*MediaAttachment, error)
	// UseMediaAttachments marks the owner's pending attachments ids as used
	// by a message; it reports how many it marked.
	UseMediaAttachments(ctx context.Context, ownerID int64, ids []int64, messageID int64) (int64, error)
}

// UploadMedia runs an upload through the media pipeline (the same checks
// and re-encoding as a pin's image) and keeps it, pending, for a message.
func (s *Service) UploadMedia(ctx context.Context, owner *Account, r io.Reader, description string) (*MediaAttachment, error) {
	if owner == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	description = strings.TrimSpace(description)
	if len([]rune(description)) > 1500 {
		return nil, Errorf(EINVALID, "the description must be at most 1500 characters")
	}
	if s.images == nil {
		return nil, Errorf(EINTERNAL, "this server cannot store images")
	}
	if r == nil {
		return nil, Errorf(EINVALID, "choose a file to upload")
	}
	img, err := s.intake(ctx, r)
	if err != nil {
		return nil, err
	}
	m := &MediaAttachment{AccountID: owner.ID, Image: *img, Description: description, CreatedAt: s.now()}
	if err := s.store.CreateMediaAttachment(ctx, m); err != nil {
		_ = s.images.Delete(ctx, img) // nothing refers to it
		return nil, withContext("upload media", err)
	}
	return m, nil
}

// MediaAttachment returns one of the viewer's own uploads; anyone else's
// is "not found".
func (s *Service) MediaAttachment(ctx context.Context, viewer *Account, id int64) (*MediaAttachment, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	m, err := s.store.MediaAttachmentByID(ctx, id)
	if ErrorCode(err) == ENOTFOUND || (err == nil && m.AccountID != viewer.ID) {
		return nil, Errorf(ENOTFOUND, "media not found")
	}
	return m, withContext("media", err)
}

// messageMedia loads the sender's pending uploads named by ids, in order,
// for a message: each must be the sender's own and not yet used.
func (s *Service) messageMedia(ctx context.Context, sender *Account, ids []int64) ([]Image, error) {
	if len(ids) > MaxMessageMedia {
		return nil, Errorf(EINVALID, "a message can carry at most %d images", MaxMessageMedia)
	}
	seen := map[int64]bool{}
	images := make([]Image, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, Errorf(EINVALID, "media %d is given twice", id)
		}
		seen[id] = true
		m, err := s.MediaAttachment(ctx, sender, id)
		if ErrorCode(err) == ENOTFOUND {
			return nil, Errorf(EINVALID, "media %d was not found among your uploads", id)
		} else if err != nil {
			return nil, err
		}
		if m.MessageID != 0 {
			return nil, Errorf(EINVALID, "media %d is already attached to a message", id)
		}
		images = append(images, m.Image)
	}
	return images, nil
}

// useMedia marks a message's uploads used, in its transaction; an upload
// taken by a concurrent message fails the whole message.
func useMedia(ctx context.Context, tx Store, m *Message, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	n, err := tx.UseMediaAttachments(ctx, m.SenderID, ids, m.ID)
	if err != nil {
		return err
	}
	if n != int64(len(ids)) {
		return Errorf(EINVALID, "the media is already attached to a message")
	}
	return nil
}
