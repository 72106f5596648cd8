package corkboard

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// IsRemoteQuery reports whether a search names one actor: a handle
// ("@bob@host", "@bob.recipes@host") or an http(s) actor URL.
func IsRemoteQuery(q string) bool {
	q = strings.TrimSpace(q)
	if strings.HasPrefix(q, "https://") || strings.HasPrefix(q, "http://") {
		u, err := url.Parse(q)
		return err == nil && u.Host != ""
	}
	_, _, ok := SplitHandle(q)
	return ok
}

// LookupRemote finds the person or board a handle or actor URL names:
// exactly one of account and board is set. Our own records are searched
// first; only a signed-in viewer may make us ask another server, so that
// anonymous visitors cannot use us to fetch (Mastodon's rule for resolve).
// Failures are domain errors with a message fit to show.
func (s *Service) LookupRemote(ctx context.Context, viewer *Account, q string) (*Account, *Board, error) {
	q = strings.TrimSpace(q)
	if !IsRemoteQuery(q) {
		return nil, nil, Errorf(EINVALID, "%q is not a handle like @name@example.social", q)
	}
	if user, host, ok := SplitHandle(q); ok {
		q = "@" + user + "@" + host // one spelling in messages: "bob@host" from a page address too
	}
	if err := s.checkLookupHost(ctx, q); err != nil {
		return nil, nil, err
	}
	a, b, err := s.knownActor(ctx, viewer, q)
	switch {
	case ErrorCode(err) != ENOTFOUND || s.remote == nil || s.isLocalHandle(q):
		return a, b, lookupError(q, err) // found, failed, or one of ours: no one else to ask
	case viewer == nil:
		return nil, nil, fmt.Errorf("lookup %s: %w (cause: %w)", q,
			Errorf(ENOTFOUND, "%s is not known here yet; sign in to look them up on their server", q), err)
	}
	a, b, err = s.resolveRemote(ctx, viewer, q)
	return a, b, lookupError(q, err)
}

// RemoteAccount is LookupRemote for a person.
func (s *Service) RemoteAccount(ctx context.Context, viewer *Account, handle string) (*Account, error) {
	a, _, err := s.LookupRemote(ctx, viewer, handle)
	if err == nil && a == nil {
		return nil, Errorf(ENOTFOUND, "%s is a board, not a person", handle)
	}
	return a, err
}

// knownActor finds what q names in our records only.
func (s *Service) knownActor(ctx context.Context, viewer *Account, q string) (*Account, *Board, error) {
	if !strings.Contains(q, "://") {
		return s.knownByHandle(ctx, viewer, q)
	}
	a, err := s.store.AccountByIRI(ctx, q)
	if ErrorCode(err) != ENOTFOUND {
		return a, nil, err
	}
	b, err := s.store.BoardByIRI(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	if b.Account, err = s.store.AccountByID(ctx, b.AccountID); err != nil {
		return nil, nil, fmt.Errorf("board owner: %w", err)
	}
	return nil, b, nil
}

// knownByHandle finds a handle's person, or board ("owner.slug"), here:
// among our own people for our host, else among the remote ones we know.
func (s *Service) knownByHandle(ctx context.Context, viewer *Account, handle string) (*Account, *Board, error) {
	user, host, _ := SplitHandle(handle)
	owner, slug, isBoard := strings.Cut(user, ".")
	var a *Account
	var err error
	if strings.EqualFold(host, s.localHost()) {
		a, err = s.PublicProfile(ctx, owner)
	} else {
		a, err = s.store.RemoteAccountByAcct(ctx, owner, host)
	}
	if err != nil || !isBoard {
		return a, nil, err
	}
	b, err := s.boardBySlug(ctx, a.ID, slug)
	if err != nil {
		return nil, nil, err
	}
	if !canSeeBoard(viewer, b) {
		return nil, nil, Errorf(ENOTFOUND, "board not found")
	}
	b.Account = a
	return nil, b, nil
}

// boardBySlug finds an owner's board by the short name in our address
// for it ("_pins" too), else by the one we would derive from a handle
// someone typed ("@bob.Recipes@host" is our "recipes").
func (s *Service) boardBySlug(ctx context.Context, ownerID int64, slug string) (*Board, error) {
	b, err := s.store.BoardBySlug(ctx, ownerID, strings.ToLower(slug))
	if ErrorCode(err) == ENOTFOUND && Slugify(slug) != strings.ToLower(slug) {
		return s.store.BoardBySlug(ctx, ownerID, Slugify(slug))
	}
	return b, err
}

// checkLookupHost refuses a suspended domain before anything is looked
// up: its records may linger after a purge, and it is never asked.
func (s *Service) checkLookupHost(ctx context.Context, q string) error {
	host := lookupHost(q)
	if host == "" || strings.EqualFold(host, s.localHost()) {
		return nil
	}
	b, err := s.DomainBlockFor(ctx, host)
	if err != nil {
		return withContext("lookup "+q, err)
	}
	if b != nil && b.Severity == SeveritySuspend {
		return Errorf(EFORBIDDEN, "%s is blocked on this server", host)
	}
	return nil
}

// lookupHost is the server a handle or URL names.
func lookupHost(q string) string {
	if _, host, ok := SplitHandle(q); ok {
		return host
	}
	if u, err := url.Parse(q); err == nil {
		return u.Host
	}
	return ""
}

// isLocalHandle reports whether q is a handle on our own host. (Our own
// actor URLs are not in the remote records: the Resolver knows them.)
func (s *Service) isLocalHandle(q string) bool {
	_, host, ok := SplitHandle(q)
	return ok && strings.EqualFold(host, s.localHost())
}

// localHost is our own host (and port), as in our handles.
func (s *Service) localHost() string {
	if u, err := url.Parse(s.opts.BaseURL); err == nil {
		return u.Host
	}
	return ""
}

// lookupError gives a failed lookup a message a person can act on, and
// keeps the cause in the chain for the logs: an unreachable server or an
// unreadable answer is "could not be found there", not a server error.
func lookupError(q string, err error) error {
	var friendly *Error
	switch ErrorCode(err) {
	case "":
		return nil
	case EINVALID, EFORBIDDEN:
		return err // already says what is wrong ("… is a board, not a person")
	case EUNAUTHORIZED:
		friendly = Errorf(EUNAUTHORIZED, "sign in to look up %s", q)
	case EUNSUPPORTED:
		friendly = Errorf(ENOTFOUND, "%s is not a person or board that Corkboard can follow", q)
	case ENOTFOUND:
		friendly = Errorf(ENOTFOUND, "nobody called %s was found", q)
	default:
		friendly = Errorf(ENOTFOUND, "%s could not be reached; try again later", lookupHost(q))
	}
	return fmt.Errorf("lookup %s: %w (cause: %w)", q, friendly, err)
}
