package server

import (
	"fmt"
	"log/slog"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/corkboard/corkboard/activitypub"
)

// Config is everything an instance is built from. Several instances with
// different Configs can run in one process (the federation tests do).
type Config struct {
	BaseURL     string // public URL, e.g. https://pins.example
	Listen      string // host:port to listen on
	DataDir     string // SQLite database and media live here
	DatabaseURL string // empty: SQLite in DataDir; postgres://... : PostgreSQL
	// AllowPrivateAddresses are CIDRs that outgoing requests may reach even
	// though they are private or loopback (tests, local federation).
	AllowPrivateAddresses []netip.Prefix
	// TrustedProxies are CIDRs whose X-Forwarded-For is believed when
	// finding a client's address for rate limits and logs.
	TrustedProxies []netip.Prefix
	LogLevel       slog.Level
	LogFormat      string        // "text" or "json"
	TokenLifetime  time.Duration // OAuth access tokens; 0 = no expiry
	// AuthorizedFetch requires signed GETs for every ActivityPub document.
	AuthorizedFetch bool
	// Delivery tunes outbound federation (retry delays, host health);
	// zero values are the production defaults, tests shorten them.
	Delivery       activitypub.DeliveryOptions `json:"-"`
	MaxBodyBytes   int64                       // request body cap for forms and JSON (uploads get their own cap)
	MaxUploadBytes int64                       // image upload cap (default 20 MB)
	// RateLimitScale multiplies every rate limit burst; tests and load
	// tests raise it. 0 means 1.
	RateLimitScale float64
	// NewConversationsPerHour is how many conversations one person (local
	// or remote) may start here in an hour; 0 turns the limit off.
	NewConversationsPerHour int
	// HomeFeedSize is how many entries each home feed keeps; older ones
	// are trimmed every few hours.
	HomeFeedSize int

	Version string // set by the binary at build time

	// Injected rather than global, so tests control them.
	Logger      *slog.Logger      `json:"-"`
	Now         func() time.Time  `json:"-"`
	BcryptCost  int               `json:"-"` // 0: default; tests use the minimum
	SetupNotice func(link string) `json:"-"` // called with the first-run link; default logs it
}

// Defaults returns the configuration used when nothing is set.
func Defaults() Config {
	return Config{
		BaseURL:      "http://localhost:8080",
		Listen:       "127.0.0.1:8080",
		DataDir:      "./data",
		LogLevel:     slog.LevelInfo,
		LogFormat:    "text",
		MaxBodyBytes: 1 << 20,
		// Enough for anyone sharing pins with friends; a spammer is
		// stopped after this many strangers an hour.
		NewConversationsPerHour: 20,
		// Mastodon keeps 800; a pin grid shows more per screen.
		HomeFeedSize: 1000,
	}
}

// Validate checks the configuration and normalises BaseURL (no trailing
// slash). Errors name the setting, for one clear line at start-up.
func (c *Config) Validate() error {
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("CORKBOARD_BASE_URL: %q is not an absolute http(s) URL like https://pins.example", c.BaseURL)
	}
	if u.Path != "" && u.Path != "/" {
		return fmt.Errorf("CORKBOARD_BASE_URL: %q has a path; Corkboard must be served at the root of its host", c.BaseURL)
	}
	c.BaseURL = u.Scheme + "://" + strings.ToLower(u.Host)
	if c.Listen == "" {
		return fmt.Errorf("CORKBOARD_LISTEN: must be host:port, e.g. 127.0.0.1:8080")
	}
	if c.DatabaseURL == "" && c.DataDir == "" {
		return fmt.Errorf("CORKBOARD_DATA_DIR: must be set when CORKBOARD_DATABASE_URL is empty")
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return fmt.Errorf("CORKBOARD_DATABASE_URL: must start with postgres:// (or be empty for the embedded SQLite)")
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("CORKBOARD_LOG_FORMAT: must be text or json, got %q", c.LogFormat)
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 1 << 20
	}
	if c.MaxUploadBytes <= 0 {
		c.MaxUploadBytes = 20 << 20
	}
	if c.RateLimitScale <= 0 {
		c.RateLimitScale = 1
	}
	if c.HomeFeedSize <= 0 {
		c.HomeFeedSize = 1000
	}
	if c.NewConversationsPerHour < 0 {
		return fmt.Errorf("CORKBOARD_NEW_CONVERSATIONS_PER_HOUR: must be 0 (no limit) or more, got %d", c.NewConversationsPerHour)
	}
	return nil
}

// Redacted returns the settings for the start-up log, without secrets
// (a database URL's password).
func (c Config) Redacted() []any {
	return []any{
		"base_url", c.BaseURL, "listen", c.Listen, "data_dir", c.DataDir,
		"database", redactURL(c.DatabaseURL), "allow_private_addresses", prefixes(c.AllowPrivateAddresses),
		"trusted_proxies", prefixes(c.TrustedProxies), "log_level", c.LogLevel.String(), "log_format", c.LogFormat,
		"token_lifetime", c.TokenLifetime.String(),
	}
}

func redactURL(raw string) string {
	if raw == "" {
		return "sqlite (embedded)"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "REDACTED")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "REDACTED")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func prefixes(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ",")
}
