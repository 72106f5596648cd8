package corkboard

import "strconv"

// Canonical IRIs of local things. Remote things keep the IRI they came with
// (the IRI fields); local ones derive it from the base URL and a stable id,
// so renaming a board or changing a slug never changes an object's identity.

// AccountIRI returns the ActivityPub id of an account.
func (s *Service) AccountIRI(a *Account) string {
	if a.IRI != "" {
		return a.IRI
	}
	return s.opts.BaseURL + "/users/" + a.Username
}

// AccountURL returns the HTML page of a local account.
func (s *Service) AccountURL(a *Account) string { return s.opts.BaseURL + "/@" + a.Username }

// BoardIRI returns the ActivityPub id of a board.
func (s *Service) BoardIRI(b *Board) string {
	if b.IRI != "" {
		return b.IRI
	}
	return s.opts.BaseURL + "/boards/" + strconv.FormatInt(b.ID, 10)
}

// BoardURL returns the HTML page of a local board, given its owner.
func (s *Service) BoardURL(owner *Account, b *Board) string {
	return s.opts.BaseURL + "/@" + owner.Username + "/" + b.Slug
}

// PinIRI returns the ActivityPub id (and page) of a pin.
func (s *Service) PinIRI(p *Pin) string {
	if p.IRI != "" {
		return p.IRI
	}
	return s.opts.BaseURL + "/pins/" + strconv.FormatInt(p.ID, 10)
}

// CommentIRI returns the ActivityPub id of a comment.
func (s *Service) CommentIRI(c *Comment) string {
	if c.IRI != "" {
		return c.IRI
	}
	return s.opts.BaseURL + "/comments/" + strconv.FormatInt(c.ID, 10)
}

// BaseURL returns the instance's public URL.
func (s *Service) BaseURL() string { return s.opts.BaseURL }
