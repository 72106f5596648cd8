package activitypub

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// ResolvedActor is an actor as we store it: a person (or service,
// application) account, or a board with its owner's account.
type ResolvedActor struct {
	IRI     string
	Account *corkboard.Account // the person, or the board's owner
	Board   *corkboard.Board   // set for a Group actor
}

// FetchActor fetches a remote actor from where it lives and stores it
// with its keys: a Person, Service or Application becomes an account, a
// Group owned by a person we can resolve becomes a remote board.
func (f *Federation) FetchActor(ctx context.Context, iri string) (*ResolvedActor, error) {
	doc, err := f.fetchDocument(ctx, iri, true)
	if err != nil {
		return nil, err
	}
	return f.storeActor(ctx, doc.Body)
}

// storeActor stores an actor document whose origin the caller has
// checked (fetched from its id, or embedded by the actor itself).
func (f *Federation) storeActor(ctx context.Context, body []byte) (*ResolvedActor, error) {
	a, err := vocab.DecodeActor(body)
	if err != nil {
		return nil, permanent(fmt.Errorf("store actor: %w", err))
	}
	if vocab.KindOf(a.Type) != vocab.KindActor {
		return nil, permanent(fmt.Errorf("store actor %s: type %q is not an actor", a.ID, a.Type))
	}
	if a.Type == "Group" {
		return f.storeGroup(ctx, a)
	}
	acct, err := f.accountFrom(a)
	if err != nil {
		return nil, err
	}
	stored, err := f.storedAvatar(ctx, acct)
	if err != nil {
		return nil, err
	}
	if err := f.Store.UpsertRemoteAccount(ctx, acct); err != nil {
		return nil, fmt.Errorf("store actor %s: %w", a.ID, err)
	}
	if err := f.saveKeys(ctx, a); err != nil {
		return nil, err
	}
	if err := f.queueAvatarFetch(ctx, stored, acct.ID, webURL(string(a.Icon.URL))); err != nil {
		return nil, fmt.Errorf("store actor %s: avatar: %w", a.ID, err)
	}
	return &ResolvedActor{IRI: a.ID, Account: acct}, nil
}

// storedAvatar returns the account as stored before this refresh (nil if
// new) and copies its avatar into acct: the upsert leaves the avatar
// columns alone, since only the avatar job changes them, after fetching
// the picture (avatar_fetch.go).
func (f *Federation) storedAvatar(ctx context.Context, acct *corkboard.Account) (*corkboard.Account, error) {
	old, err := f.Store.AccountByIRI(ctx, acct.IRI)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("store actor %s: %w", acct.IRI, err)
	}
	acct.AvatarKey, acct.AvatarSmallKey, acct.AvatarURL = old.AvatarKey, old.AvatarSmallKey, old.AvatarURL
	return old, nil
}

// accountFrom maps an actor document to an account. Text is reduced to
// plain text and bounded; addresses must be web URLs.
func (f *Federation) accountFrom(a *vocab.Actor) (*corkboard.Account, error) {
	u, err := url.Parse(a.ID)
	if err != nil || u.Host == "" {
		return nil, permanent(fmt.Errorf("store actor %q: id is not a URL", a.ID))
	}
	name := strings.TrimSpace(a.PreferredUsername)
	if name == "" || len(name) > 255 || strings.ContainsAny(name, "@/ \t\r\n") {
		return nil, permanent(fmt.Errorf("store actor %s: unusable preferredUsername %q", a.ID, name))
	}
	now := f.Now()
	return &corkboard.Account{
		Username: name, Domain: strings.ToLower(u.Host), IRI: a.ID, Approved: true,
		DisplayName: bound(plainText(a.Name), 100), Bio: bound(htmlText(a.Summary), 1000),
		InboxURL: webURL(string(a.Inbox)), SharedInboxURL: webURL(string(a.Endpoints.SharedInbox)),
		OutboxURL: webURL(string(a.Outbox)), FollowersURL: webURL(string(a.Followers)),
		FollowingURL: webURL(string(a.Following)), FeaturedURL: webURL(string(a.Featured)),
		ProfileURL: webURL(string(a.URL)), ActorType: a.Type,
		ManuallyApproves: a.ManuallyApprovesFollowers, FetchedAt: now, CreatedAt: now, UpdatedAt: now,
	}, nil
}

// saveKeys stores the actor's public keys. A key must name the actor as
// its owner (or no owner) and live on the actor's host: an actor document
// must not be able to replace the key of an actor elsewhere.
func (f *Federation) saveKeys(ctx context.Context, a *vocab.Actor) error {
	now := f.Now()
	var kept []string
	for _, k := range a.PublicKey {
		if k.ID == "" || k.PublicKeyPem == "" || (k.Owner != "" && k.Owner != a.ID) || !sameHost(k.ID, a.ID) {
			continue
		}
		if _, err := signature.ParsePublicKeyPEM(k.PublicKeyPem); err != nil {
			f.Log.Info("ignoring an unusable public key", "key", k.ID, "error", err)
			continue
		}
		key := &corkboard.ActorKey{KeyID: k.ID, OwnerIRI: a.ID, PublicKeyPEM: k.PublicKeyPem, FetchedAt: now, CreatedAt: now}
		if err := f.Store.SaveKey(ctx, key); err != nil {
			return fmt.Errorf("store actor %s: key: %w", a.ID, err)
		}
		f.inbound.keys.forget(k.ID)
		kept = append(kept, k.ID)
	}
	return f.pruneKeys(ctx, a.ID, kept) // keyresolver.go
}

// sameHost reports whether two absolute URLs have the same host (and
// port): the origin check of every federation rule.
func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host)
}

// webURL returns raw if it is an absolute http(s) URL, else "".
func webURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(raw) > 2048 {
		return ""
	}
	return raw
}
