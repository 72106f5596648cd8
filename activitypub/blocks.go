package activitypub

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"

	"github.com/corkboard/corkboard"
	"golang.org/x/net/idna"
)

// hostProfile maps host names the way a browser looks them up (UTS #46:
// case and width folded, IDN to punycode), but lets '_' through: some
// servers have one, and a name we cannot normalize is treated as blocked.
var hostProfile = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.BidiRule(), idna.Transitional(false))

// NormalizeHost puts a host (or host:port) in the one spelling domain
// blocks are matched in, so that "EXAMPLE.com.", "example.com:443" and
// "xn--..." versus its Unicode form all name the same server: lowercase
// ASCII with punycode labels, no port, no trailing dot. IP addresses come
// back in their canonical form. The server installs it as the domain's
// ServiceOptions.NormalizeHost.
func NormalizeHost(host string) (string, error) {
	h := strings.TrimSpace(host)
	if hh, _, err := net.SplitHostPort(h); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.Trim(h, "[]"), ".")
	if h == "" {
		return "", fmt.Errorf("normalize host %q: empty", host)
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.Unmap().String(), nil
	}
	ascii, err := hostProfile.ToASCII(h)
	if err != nil {
		return "", fmt.Errorf("normalize host %q: %w", host, err)
	}
	if strings.ContainsAny(ascii, "/@:?#% ") {
		return "", fmt.Errorf("normalize host %q: not a host name", host)
	}
	return ascii, nil
}

// errSuspended marks a request or fetch refused because its domain is
// suspended.
var errSuspended = corkboard.Errorf(corkboard.EFORBIDDEN, "this server's domain is suspended here")

// checkSuspended refuses a URL or host whose domain is suspended. It runs
// before anything is fetched from or because of that domain: a suspended
// server must not be able to make us do work.
func (f *Federation) checkSuspended(ctx context.Context, hostOrURL string) error {
	host := hostOrURL
	if strings.Contains(hostOrURL, "://") {
		u, err := url.Parse(hostOrURL)
		if err != nil || u.Host == "" {
			return permanent(fmt.Errorf("check domain of %q: not a URL", hostOrURL))
		}
		host = u.Host
	}
	b, err := f.Service.DomainBlockFor(ctx, host)
	if err != nil {
		return fmt.Errorf("check domain of %s: %w", host, err)
	}
	if b != nil && b.Severity == corkboard.SeveritySuspend {
		return permanent(fmt.Errorf("%s (%s): %w", host, b.Domain, errSuspended))
	}
	return nil
}
