package corkboard

import (
	"context"
	"io"
	"net/url"
	"strings"
)

// CreatePin makes a pin on one of the actor's boards from an upload, an
// image URL, or a web page (whose og:image, title and description it takes).
func (s *Service) CreatePin(ctx context.Context, actor *Account, in PinInput) (*Pin, error) {
	if err := s.checkPinText(&in.Title, &in.Description, &in.AltText, &in.Link); err != nil {
		return nil, err
	}
	board, err := s.ownBoard(ctx, actor, in.BoardID)
	if err != nil {
		return nil, err
	}
	img, err := s.pinImage(ctx, &in)
	if err != nil {
		return nil, err
	}
	now := s.now()
	p := &Pin{AccountID: actor.ID, BoardID: board.ID, Title: in.Title, Description: in.Description,
		AltText: in.AltText, Link: in.Link, Image: *img, Tags: ExtractTags(in.Description),
		Secret: board.Secret, CreatedAt: now, UpdatedAt: now, Account: actor, Board: board}
	err = s.store.InTx(ctx, func(tx Store) error {
		if err := tx.CreatePin(ctx, p); err != nil {
			return err
		}
		if err := tx.FanOut(ctx, p); err != nil {
			return err
		}
		return s.fed.PinCreated(ctx, tx, p)
	})
	if err != nil {
		_ = s.images.Delete(ctx, img) // nothing refers to it; do not leave files behind
		return nil, withContext("create pin", err)
	}
	return p, nil
}

// pinImage obtains and stores the pin's image from whichever source in
// names, filling in title, description and link from a page.
func (s *Service) pinImage(ctx context.Context, in *PinInput) (*Image, error) {
	if s.images == nil {
		return nil, Errorf(EINTERNAL, "this server cannot store images")
	}
	if in.Image == nil && s.fetcher == nil {
		return nil, Errorf(EINVALID, "this server cannot fetch images from other sites; upload a file")
	}
	switch {
	case in.Image != nil:
		return s.intake(ctx, in.Image)
	case in.ImageURL != "":
		return s.intakeURL(ctx, in.ImageURL)
	case in.PageURL != "":
		if err := checkWebURL(in.PageURL, "page URL"); err != nil {
			return nil, err
		}
		page, err := s.fetcher.FetchPage(ctx, in.PageURL)
		if err != nil {
			return nil, err
		}
		if page.ImageURL == "" {
			return nil, Errorf(EINVALID, "no image was found on that page")
		}
		if in.Title == "" {
			in.Title = truncate(page.Title, 200)
		}
		if in.Description == "" {
			in.Description = truncate(page.Description, 2000)
		}
		if in.Link == "" {
			in.Link = page.URL
		}
		return s.intakeURL(ctx, page.ImageURL)
	}
	return nil, Errorf(EINVALID, "choose an image: upload a file, or give an image or page URL")
}

func (s *Service) intakeURL(ctx context.Context, raw string) (*Image, error) {
	if err := checkWebURL(raw, "image URL"); err != nil {
		return nil, err
	}
	body, err := s.fetcher.FetchImage(ctx, raw)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	return s.intake(ctx, body)
}

func (s *Service) intake(ctx context.Context, r io.Reader) (*Image, error) {
	img, err := s.images.Intake(ctx, r)
	return img, withContext("store image", err)
}

// checkPinText trims and bounds a pin's text fields.
func (s *Service) checkPinText(title, desc, alt, link *string) error {
	*title, *desc, *alt, *link = strings.TrimSpace(*title), strings.TrimSpace(*desc), strings.TrimSpace(*alt), strings.TrimSpace(*link)
	switch {
	case len([]rune(*title)) > 200:
		return Errorf(EINVALID, "the title must be at most 200 characters")
	case len([]rune(*desc)) > 2000:
		return Errorf(EINVALID, "the description must be at most 2000 characters")
	case len([]rune(*alt)) > 1500:
		return Errorf(EINVALID, "the alt text must be at most 1500 characters")
	}
	if *link != "" {
		return checkWebURL(*link, "source link")
	}
	return nil
}

// checkWebURL accepts absolute http(s) URLs only.
func checkWebURL(raw, what string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(raw) > 2000 {
		return Errorf(EINVALID, "the %s must be a web address starting with http:// or https://", what)
	}
	return nil
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// releaseImage deletes a deleted pin's files unless a saved copy still
// shows the same image.
func (s *Service) releaseImage(ctx context.Context, p *Pin) {
	if s.images == nil || p.Image.Key == "" {
		return
	}
	if used, err := s.store.ImageInUse(ctx, p.Image.Key); err != nil || used {
		return
	}
	_ = s.images.Delete(ctx, &p.Image)
}
