package corkboard

import (
	"context"
	"strings"
)

// Domain blocks are an admin's decisions about other servers. Suspend is
// the hard one: the server's requests are refused before any fetch, we
// fetch nothing from it, and what it brought is removed — follows both
// ways, its accounts' pins (with their images), likes, comments and
// shares — rather than filtered at read time, so no page or feed query
// has to remember it (as Mastodon does). Silence keeps its pins off the
// public listings (tag pages and search); its people can still be
// followed and their pins reach their followers' feeds.

// BlockDomain adds or changes a domain block (covering its subdomains).
// Suspending purges what the domain's accounts brought.
func (s *Service) BlockDomain(ctx context.Context, domain string, sev BlockSeverity, reason string) (*DomainBlock, error) {
	d, err := s.opts.NormalizeHost(domain)
	if err != nil || d == "" || !strings.Contains(d, ".") && d != "localhost" {
		return nil, Errorf(EINVALID, "%q is not a domain name", domain)
	}
	if sev != SeveritySuspend && sev != SeveritySilence {
		return nil, Errorf(EINVALID, "severity must be %s or %s", SeveritySuspend, SeveritySilence)
	}
	b := &DomainBlock{Domain: d, Severity: sev, Reason: truncate(reason, 1000), CreatedAt: s.now()}
	if err := s.store.SaveDomainBlock(ctx, b); err != nil {
		return nil, withContext("block domain", err)
	}
	s.blocks.invalidate()
	if sev == SeveritySuspend {
		return b, s.purgeDomain(ctx, d)
	}
	return b, nil
}

// purgeDomain removes what the accounts of a suspended domain brought.
func (s *Service) purgeDomain(ctx context.Context, domain string) error {
	ids, err := s.store.RemoteAccountIDs(ctx, domain)
	if err != nil {
		return withContext("suspend domain", err)
	}
	for _, id := range ids {
		if err := s.PurgeRemoteAccount(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// UnblockDomain lifts a domain block. What a suspension removed stays
// removed; it comes back as the server sends it again.
func (s *Service) UnblockDomain(ctx context.Context, domain string) error {
	d, err := s.opts.NormalizeHost(domain)
	if err != nil {
		return Errorf(EINVALID, "%q is not a domain name", domain)
	}
	defer s.blocks.invalidate()
	return withContext("unblock domain", s.store.DeleteDomainBlock(ctx, d))
}

// DomainBlocks lists the domain blocks, by domain.
func (s *Service) DomainBlocks(ctx context.Context) ([]*DomainBlock, error) {
	bs, err := s.store.DomainBlocks(ctx)
	return bs, withContext("domain blocks", err)
}

// DomainBlockFor returns the block that covers host (a block on
// example.com covers sub.example.com; case, a trailing dot, a port and
// IDN spellings do not evade it), or nil. When several blocks cover it
// the most severe wins. A host that cannot be normalized is treated as
// suspended: it cannot be matched, so it cannot be trusted.
func (s *Service) DomainBlockFor(ctx context.Context, host string) (*DomainBlock, error) {
	d, err := s.opts.NormalizeHost(host)
	if err != nil || d == "" {
		return &DomainBlock{Domain: host, Severity: SeveritySuspend, Reason: "unusable host name"}, nil
	}
	list, err := s.blocks.get(ctx, s.store, s.now())
	if err != nil {
		return nil, withContext("domain blocks", err)
	}
	return list.match(d), nil
}

// hideSilenced drops the pins of silenced (or suspended) domains from a
// public listing. Pins must be hydrated (Account loaded). A page may come
// out shorter than asked; its cursor still moves on correctly.
func (s *Service) hideSilenced(ctx context.Context, page *Page) error {
	list, err := s.blocks.get(ctx, s.store, s.now())
	if err != nil || list.empty() {
		return withContext("domain blocks", err)
	}
	kept := page.Pins[:0]
	for _, p := range page.Pins {
		if p.Account == nil || p.Account.IsLocal() || list.match(s.hostKey(p.Account.Domain)) == nil {
			kept = append(kept, p)
		}
	}
	page.Pins = kept
	return nil
}

// silencedAccount reports whether an account lives on a silenced (or
// suspended) domain, for search results anyone can browse.
func (s *Service) silencedAccount(ctx context.Context, a *Account) (bool, error) {
	if a == nil || a.IsLocal() {
		return false, nil
	}
	list, err := s.blocks.get(ctx, s.store, s.now())
	if err != nil {
		return false, withContext("domain blocks", err)
	}
	return !list.empty() && list.match(s.hostKey(a.Domain)) != nil, nil
}

// hostKey normalizes a stored account domain; a failure yields a key
// that matches no block (the domain was normalized when stored).
func (s *Service) hostKey(domain string) string {
	d, _ := s.opts.NormalizeHost(domain)
	return d
}
