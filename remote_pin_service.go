package corkboard

import (
	"context"
	"strings"
)

// Pins that arrive from other servers. Their image is fetched and stored
// here like an upload (never hotlinked); their text is bounded like ours.

// remotePinsSlug names the board that holds a remote person's pins that
// came without a board of their own (a plain Note with an image).
const remotePinsSlug = "_pins"

// SaveRemotePin stores a remote pin (AccountID, IRI and text set; BoardID
// 0 for none) with its image from imageURL, and puts it in the feeds of
// the local people who follow its author or board. A pin already stored
// under the same IRI is returned as it is.
func (s *Service) SaveRemotePin(ctx context.Context, p *Pin, imageURL string) (*Pin, error) {
	if old, err := s.store.PinByIRI(ctx, p.IRI); err == nil {
		return old, nil
	} else if ErrorCode(err) != ENOTFOUND {
		return nil, withContext("save remote pin", err)
	}
	if p.BoardID == 0 {
		b, err := s.remotePinsBoard(ctx, p.AccountID)
		if err != nil {
			return nil, err
		}
		p.BoardID = b.ID
	}
	boundRemoteText(p)
	img, err := s.IntakeRemoteImage(ctx, imageURL)
	if err != nil {
		return nil, err
	}
	p.Image, p.RemoteImageURL, p.Secret = *img, imageURL, false
	if p.CreatedAt.IsZero() {
		p.CreatedAt = s.now()
	}
	p.UpdatedAt = p.CreatedAt
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreatePin(ctx, p); err != nil {
			return err
		}
		return tx.FanOut(ctx, p)
	})
	if err != nil {
		_ = s.images.Delete(ctx, img)
		return nil, withContext("save remote pin", err)
	}
	return p, nil
}

// UpdateRemotePin replaces a remote pin's text (an Update of its Note).
// The image stays: an edit that changes it is rare and would cost a fetch.
func (s *Service) UpdateRemotePin(ctx context.Context, p *Pin) error {
	boundRemoteText(p)
	p.UpdatedAt = s.now()
	return withContext("update remote pin", s.store.UpdatePin(ctx, p))
}

// DeleteRemotePin deletes a remote pin and, unless a saved copy still
// shows it, its stored image.
func (s *Service) DeleteRemotePin(ctx context.Context, p *Pin) error {
	if err := s.store.DeletePin(ctx, p.ID); err != nil && ErrorCode(err) != ENOTFOUND {
		return withContext("delete remote pin", err)
	}
	s.releaseImage(ctx, p)
	return nil
}

// remotePinsBoard returns, creating it the first time, the board that
// holds a remote person's pins that came without one. Its IRI is the
// person's with a fragment: unique, and never mistaken for a local board.
func (s *Service) remotePinsBoard(ctx context.Context, accountID int64) (*Board, error) {
	owner, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return nil, withContext("remote pins board", err)
	}
	if owner.IsLocal() || owner.IRI == "" {
		return nil, Errorf(EINVALID, "remote pins need a remote owner")
	}
	iri := owner.IRI + "#pins"
	if b, err := s.store.BoardByIRI(ctx, iri); err == nil {
		return b, nil
	}
	now := s.now()
	b := &Board{AccountID: owner.ID, Slug: remotePinsSlug, Title: "Pins", IRI: iri, PageURL: owner.ProfileURL,
		InboxURL: owner.InboxURL, SharedInboxURL: owner.SharedInboxURL, FetchedAt: now, CreatedAt: now, UpdatedAt: now}
	return b, withContext("remote pins board", s.store.UpsertRemoteBoard(ctx, b))
}

// boundRemoteText trims a remote pin's text to our limits (a remote server
// may allow longer posts) and drops a source link that is not a web URL.
func boundRemoteText(p *Pin) {
	p.Title = truncate(p.Title, 200)
	p.Description = truncate(p.Description, 2000)
	p.AltText = truncate(p.AltText, 1500)
	p.Link = strings.TrimSpace(p.Link)
	if p.Link != "" && checkWebURL(p.Link, "source link") != nil {
		p.Link = ""
	}
	if len(p.Tags) > 30 {
		p.Tags = p.Tags[:30]
	}
}
