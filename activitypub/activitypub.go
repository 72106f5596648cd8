// Package activitypub is all of Corkboard's ActivityPub: discovery
// (WebFinger, NodeInfo), actor and object documents, HTTP signatures, the
// inboxes and their processing, the Federator that turns local changes
// into deliveries, the delivery workers, and remote fetches.
//
// Subpackages do one job each: safehttp (the SSRF-safe client), signature
// (draft-cavage HTTP signatures), vocab (AS2 decoding and encoding).
package activitypub

import (
	"log/slog"
	"net/url"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
)

// Store is what federation needs from persistence: the domain's Store
// (the storage package implements it; this package never imports it).
type Store = corkboard.Store

// Deps is what the composition root gives the federation layer.
type Deps struct {
	Service *corkboard.Service
	Store   Store
	BaseURL string // our public URL, e.g. https://pins.example
	Client  *safehttp.Client
	Log     *slog.Logger
	Now     func() time.Time
	Version string
	// AuthorizedFetch requires a valid signature on every GET of a
	// document (media excepted).
	AuthorizedFetch bool
	// AllowHTTP lets remote WebFinger and NodeInfo lookups use http://
	// (true when our own base URL is http, as in tests and local setups).
	AllowHTTP bool
	// Delivery tunes outbound delivery (retries, host health, limits).
	Delivery DeliveryOptions
}

// Federation is one instance's ActivityPub surface and machinery.
type Federation struct {
	Deps
	host  string // our host[:port], as in acct:alice@host
	keys  *keyCache
	docs  *docCache   // serialized documents we serve
	hosts *hostLimits // per-host delivery concurrency and probes
	// inbound is the receiving side's caches and verifier (verify.go).
	inbound *inbound
}

var _ corkboard.Federator = (*Federation)(nil)

// New builds the federation layer.
func New(d Deps) (*Federation, error) {
	u, err := url.Parse(d.BaseURL)
	if err != nil {
		return nil, err
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	d.Delivery = d.Delivery.withDefaults()
	return &Federation{Deps: d, host: u.Host, keys: newKeyCache(), docs: newDocCache(d.Now),
		hosts: newHostLimits(d.Delivery.PerHost), inbound: newInbound(d.Now)}, nil
}

// Host returns our host as it appears in handles (may carry a port).
func (f *Federation) Host() string { return f.host }
