package safehttp

import (
	"net/netip"
)

// addressPolicy decides which destination addresses the dialer may connect
// to. It is built once per Client and never modified, so it is safe for
// concurrent use without locking.
type addressPolicy struct {
	allow []netip.Prefix // operator exceptions, checked before anything else
	deny  []denyRule     // special-purpose ranges, with the reason shown to the operator
	// nat64 addresses embed an IPv4 address that a NAT64 gateway will
	// connect to; they are judged by that embedded address, so that
	// IPv6-only hosts can still reach the IPv4 fediverse but not 10.0.0.0/8.
	nat64 netip.Prefix
	// global is the only IPv6 range IANA allocates for global unicast.
	// Anything outside it (and not caught earlier) is reserved, which is
	// safer than trying to list every reserved block.
	global netip.Prefix
}

type denyRule struct {
	prefix netip.Prefix
	reason string
}

// newAddressPolicy returns the policy refusing every non-public address
// except those inside allow. The ranges follow the IANA IPv4 and IPv6
// Special-Purpose Address Registries; a range is refused if it is not
// "globally reachable" there or if it is deprecated and could tunnel to
// somewhere else (6to4, Teredo).
func newAddressPolicy(allow []netip.Prefix) *addressPolicy {
	rule := func(cidr, reason string) denyRule {
		return denyRule{prefix: netip.MustParsePrefix(cidr), reason: reason}
	}
	return &addressPolicy{
		allow: allow,
		deny: []denyRule{
			// IPv4.
			rule("0.0.0.0/8", "\"this network\" address"),
			rule("10.0.0.0/8", "private address"),
			rule("100.64.0.0/10", "shared (CGNAT) address"),
			rule("127.0.0.0/8", "loopback address"),
			rule("169.254.0.0/16", "link-local address"),
			rule("172.16.0.0/12", "private address"),
			rule("192.0.0.0/24", "IETF protocol assignment address"),
			rule("192.0.2.0/24", "documentation address"),
			rule("192.88.99.0/24", "6to4 relay anycast address"),
			rule("192.168.0.0/16", "private address"),
			rule("198.18.0.0/15", "benchmarking address"),
			rule("198.51.100.0/24", "documentation address"),
			rule("203.0.113.0/24", "documentation address"),
			rule("224.0.0.0/4", "multicast address"),
			rule("240.0.0.0/4", "reserved address"), // includes 255.255.255.255

			// IPv6. IPv4-mapped addresses never get here: they are unmapped
			// and judged as IPv4 first.
			rule("::/128", "unspecified address"),
			rule("::1/128", "loopback address"),
			rule("64:ff9b:1::/48", "local-use NAT64 address"),
			rule("100::/64", "discard-only address"),
			rule("2001::/23", "IETF protocol assignment address"), // Teredo, benchmarking, ORCHID
			rule("2001:db8::/32", "documentation address"),
			rule("2002::/16", "6to4 address"),
			rule("3fff::/20", "documentation address"),
			rule("fc00::/7", "unique local address"),
			rule("fe80::/10", "link-local address"),
			rule("fec0::/10", "site-local address"),
			rule("ff00::/8", "multicast address"),
		},
		nat64:  netip.MustParsePrefix("64:ff9b::/96"),
		global: netip.MustParsePrefix("2000::/3"),
	}
}

// check returns nil if the dialer may connect to a, or an *AddressError.
func (p *addressPolicy) check(a netip.Addr) error {
	if reason := p.refusal(a); reason != "" {
		return &AddressError{Addr: a, Reason: reason}
	}
	return nil
}

// refusal returns why a is refused, or "" if it is allowed.
func (p *addressPolicy) refusal(a netip.Addr) string {
	if !a.IsValid() {
		return "invalid address"
	}
	// Prefix.Contains never matches a zoned address, so drop the zone; and
	// judge ::ffff:127.0.0.1 exactly like 127.0.0.1, since that is where
	// the kernel sends it.
	a = a.WithZone("").Unmap()

	for _, allowed := range p.allow {
		if allowed.Contains(a) {
			return ""
		}
	}
	for _, r := range p.deny {
		if r.prefix.Contains(a) {
			return r.reason
		}
	}
	if p.nat64.Contains(a) {
		b := a.As16()
		if reason := p.refusal(netip.AddrFrom4([4]byte(b[12:]))); reason != "" {
			return "NAT64 address of a " + reason
		}
		return ""
	}
	if a.Is6() && !p.global.Contains(a) {
		return "reserved address"
	}
	return ""
}
