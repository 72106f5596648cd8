package vocab

import (
	"time"

	"github.com/go-fed/activity/streams"
	"github.com/go-fed/activity/streams/vocab"
)

// PersonInput is what an actor document is built from.
type PersonInput struct {
	ID        string
	Username  string // preferredUsername: "alice", or "alice.recipes" for a board
	Name      string
	Summary   string // HTML
	URL       string // the profile page
	Inbox     string
	Outbox    string
	Followers string
	Following string
	Featured  string // optional: the featured (pinned) collection
	// SharedInbox is optional; servers deliver to it once per host.
	SharedInbox               string
	PublicKeyID               string // e.g. ID + "#main-key"
	PublicKeyPEM              string // PKIX, "-----BEGIN PUBLIC KEY-----"
	IconURL                   string // optional avatar
	IconMediaType             string
	ManuallyApprovesFollowers bool
	Discoverable              bool
	Published                 time.Time
}

// GroupInput is a board: a Group actor with the same shape as a person, its
// own keys and collections, attributed to its owner.
type GroupInput struct {
	PersonInput
	AttributedTo string // the owner's actor IRI
}

// PersonJSON returns a person's actor document.
func PersonJSON(in PersonInput) ([]byte, error) {
	return actorJSON(streams.NewActivityStreamsPerson(), in, "")
}

// GroupJSON returns a board's actor document. Lemmy reads a Group's
// attributedTo as its moderators collection; ours names the owner, which
// Mastodon and GoToSocial ignore.
func GroupJSON(in GroupInput) ([]byte, error) {
	var b builder
	if in.AttributedTo == "" {
		b.fail("group attributedTo: missing owner")
		return nil, b.err
	}
	return actorJSON(streams.NewActivityStreamsGroup(), in.PersonInput, in.AttributedTo)
}

// actorType is what Person and Group have in common for our purposes.
type actorType interface {
	vocab.Type
	SetActivityStreamsPreferredUsername(vocab.ActivityStreamsPreferredUsernameProperty)
	SetActivityStreamsName(vocab.ActivityStreamsNameProperty)
	SetActivityStreamsSummary(vocab.ActivityStreamsSummaryProperty)
	SetActivityStreamsUrl(vocab.ActivityStreamsUrlProperty)
	SetActivityStreamsInbox(vocab.ActivityStreamsInboxProperty)
	SetActivityStreamsOutbox(vocab.ActivityStreamsOutboxProperty)
	SetActivityStreamsFollowers(vocab.ActivityStreamsFollowersProperty)
	SetActivityStreamsFollowing(vocab.ActivityStreamsFollowingProperty)
	SetActivityStreamsIcon(vocab.ActivityStreamsIconProperty)
	SetActivityStreamsPublished(vocab.ActivityStreamsPublishedProperty)
	SetActivityStreamsAttributedTo(vocab.ActivityStreamsAttributedToProperty)
	SetTootFeatured(vocab.TootFeaturedProperty)
	SetTootDiscoverable(vocab.TootDiscoverableProperty)
	SetW3IDSecurityV1PublicKey(vocab.W3IDSecurityV1PublicKeyProperty)
}

func actorJSON(a actorType, in PersonInput, owner string) ([]byte, error) {
	var b builder
	if in.Username == "" || in.PublicKeyPEM == "" {
		b.fail("actor %q: username and public key are required", in.ID)
	}
	a.SetJSONLDId(idProperty(b.iri("id", in.ID)))
	setProfile(&b, a, in)
	setCollections(&b, a, in)
	a.SetW3IDSecurityV1PublicKey(publicKeyProperty(&b, in))
	if in.IconURL != "" {
		a.SetActivityStreamsIcon(iconProperty(&b, in.IconURL, in.IconMediaType))
	}
	discoverable := streams.NewTootDiscoverableProperty()
	discoverable.Set(in.Discoverable)
	a.SetTootDiscoverable(discoverable)
	if !in.Published.IsZero() {
		a.SetActivityStreamsPublished(publishedProperty(in.Published))
	}
	if owner != "" {
		a.SetActivityStreamsAttributedTo(attributedToProperty(b.iri("attributedTo", owner)))
	}
	if b.err != nil {
		return nil, b.err
	}
	d, err := serialize(a)
	if err != nil {
		return nil, err
	}
	// go-fed v1.0.0 has no vocabulary for these two.
	d["manuallyApprovesFollowers"] = in.ManuallyApprovesFollowers
	if in.SharedInbox != "" {
		d["endpoints"] = map[string]any{"sharedInbox": b.iri("sharedInbox", in.SharedInbox).String()}
	}
	if b.err != nil {
		return nil, b.err
	}
	return d.marshal()
}

// setProfile sets what people see: names, bio and profile page.
func setProfile(b *builder, a actorType, in PersonInput) {
	username := streams.NewActivityStreamsPreferredUsernameProperty()
	username.SetXMLSchemaString(in.Username)
	a.SetActivityStreamsPreferredUsername(username)
	if in.Name != "" {
		name := streams.NewActivityStreamsNameProperty()
		name.AppendXMLSchemaString(in.Name)
		a.SetActivityStreamsName(name)
	}
	if in.Summary != "" {
		summary := streams.NewActivityStreamsSummaryProperty()
		summary.AppendXMLSchemaString(in.Summary)
		a.SetActivityStreamsSummary(summary)
	}
	if in.URL != "" {
		u := streams.NewActivityStreamsUrlProperty()
		u.AppendIRI(b.iri("url", in.URL))
		a.SetActivityStreamsUrl(u)
	}
}

// setCollections sets the actor's inbox, outbox and collections.
func setCollections(b *builder, a actorType, in PersonInput) {
	inbox := streams.NewActivityStreamsInboxProperty()
	inbox.SetIRI(b.iri("inbox", in.Inbox))
	a.SetActivityStreamsInbox(inbox)
	outbox := streams.NewActivityStreamsOutboxProperty()
	outbox.SetIRI(b.iri("outbox", in.Outbox))
	a.SetActivityStreamsOutbox(outbox)
	followers := streams.NewActivityStreamsFollowersProperty()
	followers.SetIRI(b.iri("followers", in.Followers))
	a.SetActivityStreamsFollowers(followers)
	following := streams.NewActivityStreamsFollowingProperty()
	following.SetIRI(b.iri("following", in.Following))
	a.SetActivityStreamsFollowing(following)
	if in.Featured != "" {
		featured := streams.NewTootFeaturedProperty()
		featured.SetIRI(b.iri("featured", in.Featured))
		a.SetTootFeatured(featured)
	}
}

// publicKeyProperty is the actor's key; its owner must be the actor (that
// is what signature verifiers check).
func publicKeyProperty(b *builder, in PersonInput) vocab.W3IDSecurityV1PublicKeyProperty {
	key := streams.NewW3IDSecurityV1PublicKey()
	key.SetJSONLDId(idProperty(b.iri("publicKey.id", in.PublicKeyID)))
	owner := streams.NewW3IDSecurityV1OwnerProperty()
	owner.Set(b.iri("publicKey.owner", in.ID))
	key.SetW3IDSecurityV1Owner(owner)
	pem := streams.NewW3IDSecurityV1PublicKeyPemProperty()
	pem.Set(in.PublicKeyPEM)
	key.SetW3IDSecurityV1PublicKeyPem(pem)
	p := streams.NewW3IDSecurityV1PublicKeyProperty()
	p.AppendW3IDSecurityV1PublicKey(key)
	return p
}

func iconProperty(b *builder, iconURL, mediaType string) vocab.ActivityStreamsIconProperty {
	img := streams.NewActivityStreamsImage()
	u := streams.NewActivityStreamsUrlProperty()
	u.AppendIRI(b.iri("icon", iconURL))
	img.SetActivityStreamsUrl(u)
	if mediaType != "" {
		mt := streams.NewActivityStreamsMediaTypeProperty()
		mt.Set(mediaType)
		img.SetActivityStreamsMediaType(mt)
	}
	p := streams.NewActivityStreamsIconProperty()
	p.AppendActivityStreamsImage(img)
	return p
}
