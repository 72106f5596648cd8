package safehttp

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"unicode"
)

// ParsePrefixes parses a list of CIDR prefixes or bare IP addresses separated
// by commas and/or white space, as written in CORKBOARD_ALLOW_PRIVATE_ADDRESSES
// (e.g. "10.0.0.0/8, 127.0.0.1 fd00::/8"). A bare address is a single-host
// prefix (/32 or /128). Host bits are masked off ("10.1.2.3/8" means
// 10.0.0.0/8) and IPv4-mapped IPv6 entries become IPv4 prefixes, because
// the dialer judges IPv4-mapped addresses as IPv4. An empty string gives an
// empty list.
func ParsePrefixes(s string) ([]netip.Prefix, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	prefixes := make([]netip.Prefix, 0, len(fields))
	for _, f := range fields {
		p, err := parsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("safehttp: parse prefixes: bad entry %q: %w", f, err)
		}
		prefixes = append(prefixes, p)
	}
	return prefixes, nil
}

func parsePrefix(s string) (netip.Prefix, error) {
	var p netip.Prefix
	if strings.Contains(s, "/") {
		var err error
		if p, err = netip.ParsePrefix(s); err != nil {
			return netip.Prefix{}, err
		}
	} else {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return netip.Prefix{}, err
		}
		if a.Zone() != "" {
			// A prefix cannot carry a zone, and silently dropping it
			// would allow the address on every interface.
			return netip.Prefix{}, errors.New("IPv6 zones are not supported")
		}
		p = netip.PrefixFrom(a, a.BitLen())
	}
	if p.Addr().Is4In6() && p.Bits() < 96 {
		return netip.Prefix{}, errors.New("IPv4-mapped prefix shorter than /96")
	}
	return normalizePrefix(p), nil
}

// normalizePrefix masks off host bits and turns an IPv4-mapped IPv6 prefix
// of at least /96 into the IPv4 prefix it stands for, because the dialer
// judges IPv4-mapped addresses as IPv4 and would never match the mapped form.
func normalizePrefix(p netip.Prefix) netip.Prefix {
	if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p.Masked()
}
