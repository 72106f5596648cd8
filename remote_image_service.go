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
	if err := checkWebURL(rawURL, "image URL"); err != nil {
		return nil, err
	}
	u, _ := url.Parse(rawURL) // checked above
	b, err := s.DomainBlockFor(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	if b != nil && b.Severity == SeveritySuspend {
		return nil, Errorf(EFORBIDDEN, "images from %s are blocked", b.Domain)
	}
	return s.intakeURL(ctx, rawURL)
}
