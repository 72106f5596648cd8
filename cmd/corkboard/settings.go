package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/server"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// setting is one configuration value, settable by flag, by environment
// variable, or in the config file (under the flag's name), in that order of
// precedence.
type setting struct {
	flag  string
	env   string
	usage string
	def   func(server.Config) string
	set   func(*server.Config, string) error
}

// settings is the one list of what an admin can configure; the README table
// and the docker-compose test are checked against it.
var settings = []setting{
	{"base-url", "CORKBOARD_BASE_URL", "public URL of this server", func(c server.Config) string { return c.BaseURL },
		func(c *server.Config, v string) error { c.BaseURL = v; return nil }},
	{"listen", "CORKBOARD_LISTEN", "address to listen on (host:port)", func(c server.Config) string { return c.Listen },
		func(c *server.Config, v string) error { c.Listen = v; return nil }},
	{"data-dir", "CORKBOARD_DATA_DIR", "directory for the embedded database and media", func(c server.Config) string { return c.DataDir },
		func(c *server.Config, v string) error { c.DataDir = v; return nil }},
	{"database-url", "CORKBOARD_DATABASE_URL", "postgres:// URL; empty means SQLite in the data dir", func(server.Config) string { return "" },
		func(c *server.Config, v string) error { c.DatabaseURL = v; return nil }},
	{"allow-private-addresses", "CORKBOARD_ALLOW_PRIVATE_ADDRESSES", "CIDRs that outgoing requests may reach although private or loopback", func(server.Config) string { return "" },
		func(c *server.Config, v string) (err error) {
			c.AllowPrivateAddresses, err = safehttp.ParsePrefixes(v)
			return err
		}},
	{"trusted-proxies", "CORKBOARD_TRUSTED_PROXIES", "CIDRs of reverse proxies whose X-Forwarded-For is believed", func(server.Config) string { return "" },
		func(c *server.Config, v string) (err error) {
			c.TrustedProxies, err = safehttp.ParsePrefixes(v)
			return err
		}},
	{"log-level", "CORKBOARD_LOG_LEVEL", "debug, info, warn or error", func(server.Config) string { return "info" },
		func(c *server.Config, v string) error { return c.LogLevel.UnmarshalText([]byte(v)) }},
	{"log-format", "CORKBOARD_LOG_FORMAT", "text or json", func(c server.Config) string { return c.LogFormat },
		func(c *server.Config, v string) error { c.LogFormat = v; return nil }},
	{"token-lifetime", "CORKBOARD_TOKEN_LIFETIME", "lifetime of OAuth access tokens, e.g. 720h; 0 means no expiry", func(server.Config) string { return "0" },
		func(c *server.Config, v string) (err error) { c.TokenLifetime, err = time.ParseDuration(v); return err }},
	{"authorized-fetch", "CORKBOARD_AUTHORIZED_FETCH", "require a signed request for every ActivityPub document (Mastodon's secure mode)",
		func(c server.Config) string { return strconv.FormatBool(c.AuthorizedFetch) },
		func(c *server.Config, v string) (err error) {
			c.AuthorizedFetch, err = strconv.ParseBool(v)
			return err
		}},
	{"delivery-retry-base", "CORKBOARD_DELIVERY_RETRY_BASE", "wait before retrying a failed delivery to another server; it doubles with each failure, up to 8h",
		func(server.Config) string { return durationText(activitypub.DefaultRetryBase) },
		func(c *server.Config, v string) (err error) {
			c.Delivery.RetryBase, err = positiveDuration(v)
			return err
		}},
	{"delivery-timeout", "CORKBOARD_DELIVERY_TIMEOUT", "longest one delivery may take; deliveries a crashed server left in flight are retried twice this long after they began",
		func(server.Config) string { return durationText(activitypub.DefaultDeliveryTimeout) },
		func(c *server.Config, v string) (err error) {
			c.Delivery.Timeout, err = positiveDuration(v)
			return err
		}},
	{"rate-limit-scale", "CORKBOARD_RATE_LIMIT_SCALE", "multiply every rate limit by this factor", func(server.Config) string { return "1" },
		func(c *server.Config, v string) (err error) {
			c.RateLimitScale, err = strconv.ParseFloat(v, 64)
			return err
		}},
	{"home-feed-size", "CORKBOARD_HOME_FEED_SIZE", "how many pins each home feed keeps; older entries are trimmed every 6 hours",
		func(c server.Config) string { return strconv.Itoa(c.HomeFeedSize) },
		func(c *server.Config, v string) (err error) {
			c.HomeFeedSize, err = strconv.Atoi(v)
			if err == nil && c.HomeFeedSize <= 0 {
				err = fmt.Errorf("must be a positive number")
			}
			return err
		}},
	{"new-conversations-per-hour", "CORKBOARD_NEW_CONVERSATIONS_PER_HOUR", "how many conversations one person (local or remote) may start here in an hour; first messages beyond it are refused (0: no limit)",
		func(c server.Config) string { return strconv.Itoa(c.NewConversationsPerHour) },
		func(c *server.Config, v string) (err error) {
			c.NewConversationsPerHour, err = strconv.Atoi(v)
			return err
		}},
}

// positiveDuration parses a duration such as 30s or 5m that must be > 0.
func positiveDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err == nil && d <= 0 {
		err = fmt.Errorf("must be positive")
	}
	return d, err
}

// durationText writes a duration as an admin would: 1m, not 1m0s.
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// configFileSetting names the optional YAML config file.
const configFileEnv = "CORKBOARD_CONFIG"

// addSettingFlags registers every setting as a string flag on fs.
func addSettingFlags(fs *pflag.FlagSet) {
	defaults := server.Defaults()
	for _, s := range settings {
		fs.String(s.flag, s.def(defaults), s.usage+" (env "+s.env+")")
	}
	fs.String("config", "", "YAML file of settings, keyed by flag name (env "+configFileEnv+")")
}

// loadConfig resolves every setting: flag, then environment, then config
// file, then default. A bad value is an error naming the setting.
func loadConfig(fs *pflag.FlagSet) (server.Config, error) {
	cfg := server.Defaults()
	file, err := readConfigFile(fs)
	if err != nil {
		return cfg, err
	}
	for _, s := range settings {
		f := fs.Lookup(s.flag)
		value, source := f.Value.String(), "--"+s.flag
		if !f.Changed {
			if v, ok := os.LookupEnv(s.env); ok {
				value, source = v, s.env
			} else if v, ok := file[s.flag]; ok {
				value, source = v, "config file key "+s.flag
			}
		}
		if err := s.set(&cfg, strings.TrimSpace(value)); err != nil {
			return cfg, fmt.Errorf("%s: invalid value %q: %v", source, value, err)
		}
	}
	return cfg, nil
}

func readConfigFile(fs *pflag.FlagSet) (map[string]string, error) {
	path, _ := fs.GetString("config")
	if path == "" {
		path = os.Getenv(configFileEnv)
	}
	if path == "" {
		return nil, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	values := map[string]string{}
	if err := yaml.Unmarshal(raw, &values); err != nil {
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, s := range settings {
		known[s.flag] = true
	}
	for k := range values {
		if !known[k] {
			return nil, fmt.Errorf("config file %s: unknown setting %q", path, k)
		}
	}
	return values, nil
}
