package safehttp

import (
	"context"
	"net"
	"net/netip"
	"time"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultMaxResponseBytes = 10 << 20 // 10 MiB
	DefaultTimeout          = 20 * time.Second
	DefaultMaxRedirects     = 5
	DefaultUserAgent        = "Corkboard"
)

// Resolver looks up the addresses of a host name. *net.Resolver implements
// it; tests substitute one that maps made-up names to chosen addresses.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Config configures a Client. The zero value is a safe, usable configuration.
type Config struct {
	// AllowPrivate lists ranges that may be connected to even though they
	// are private, loopback or otherwise non-public (e.g. a sibling instance
	// on the intranet, or 127.0.0.0/8 in development). See ParsePrefixes.
	AllowPrivate []netip.Prefix

	// MaxResponseBytes caps response bodies; 0 means
	// DefaultMaxResponseBytes.
	MaxResponseBytes int64

	// Timeout caps a whole request: dialing, redirects and reading the
	// body; 0 means DefaultTimeout.
	Timeout time.Duration

	// MaxRedirects caps the redirects followed per request; 0 means
	// DefaultMaxRedirects. A negative value follows no redirects and
	// returns the 3xx response as is.
	MaxRedirects int

	// UserAgent is sent on requests that do not set their own; "" means
	// DefaultUserAgent.
	UserAgent string

	// Resolver resolves host names; nil means net.DefaultResolver. Whatever
	// it returns, the dialer still checks each address it connects to.
	Resolver Resolver
}

// withDefaults returns cfg with zero fields replaced by their defaults, and
// a normalized private copy of AllowPrivate, so that later changes by the
// caller cannot widen the policy of a running Client.
func (cfg Config) withDefaults() Config {
	allow := make([]netip.Prefix, len(cfg.AllowPrivate))
	for i, p := range cfg.AllowPrivate {
		allow[i] = normalizePrefix(p)
	}
	cfg.AllowPrivate = allow
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRedirects == 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	return cfg
}
