package corkboard

import (
	"context"
	"net/url"
)

// IntakeRemoteImage fetches a remote image (a remote pin's attachment)
// through the SSRF-safe Fetcher and stores it through the media pipeline,
// like an upload: sniffed, bounded, stripped, with thumbnails. We never
// hotlink: a remote server would learn who looks at what, and could swap
// the picture after the fact. Images on suspended domains are refused.
func (s *Service) IntakeRemoteImage(ctx context.Context, rawURL string) (*Image, error) {
	if s.images == nil || s.fetcher == nil {
		return nil, Errorf(EINTERNAL, "this server cannot store remote images")
	}
	if err := s.checkRemoteImageURL(ctx, rawURL, "image URL"); err != nil {
		return nil, err
	}
	return s.intakeURL(ctx, rawURL)
}

// checkRemoteImageURL refuses what we never fetch an image from: a URL
// that is not a web address, or one on a suspended domain.
func (s *Service) checkRemoteImageURL(ctx context.Context, rawURL, what string) error {
	if err := checkWebURL(rawURL, what); err != nil {
		return err
	}
	u, _ := url.Parse(rawURL) // checked above
	b, err := s.DomainBlockFor(ctx, u.Host)
	if err != nil {
		return err
	}
	if b != nil && b.Severity == SeveritySuspend {
		return Errorf(EFORBIDDEN, "images from %s are blocked", b.Domain)
	}
	return nil
}
