package safehttp

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"syscall"
	"time"
)

// connectTimeout bounds one connection attempt, so that a host with several
// addresses, one of them black-holed, still gets to try the others within
// the request's total Timeout.
const connectTimeout = 10 * time.Second

// dialer resolves host names with the configured Resolver and connects
// through a net.Dialer whose Control callback enforces the address policy.
//
// Resolving here (rather than letting net.Dialer do it) is only so that the
// Resolver is pluggable; the safety does not depend on it. The Control
// callback is what refuses addresses, and it sees every socket, including
// IP literals, addresses from any resolver, and every redirect hop.
type dialer struct {
	resolver Resolver
	net      net.Dialer
}

func newDialer(resolver Resolver, policy *addressPolicy) *dialer {
	return &dialer{
		resolver: resolver,
		net: net.Dialer{
			Timeout:   connectTimeout,
			KeepAlive: 30 * time.Second,
			Control: func(network, address string, _ syscall.RawConn) error {
				return controlAddress(policy, network, address)
			},
		},
	}
}

// controlAddress runs after the socket is created and before connect(2), so
// a refused address never sees a single packet from us. It fails closed: an
// address it cannot parse, or a network other than TCP, is refused.
func controlAddress(policy *addressPolicy, network, address string) error {
	if network != "tcp4" && network != "tcp6" {
		return fmt.Errorf("safehttp: check address: refusing network %q", network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("safehttp: check address %q: %w", address, err)
	}
	return policy.check(ap.Addr())
}

// DialContext has the signature of http.Transport.DialContext. It tries the
// host's addresses in the resolver's order and returns the first error if
// none connects (the first is usually the most telling, and it is the
// *AddressError when the host resolves to a refused address first).
func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(address)
	if err != nil {
		return nil, fmt.Errorf("safehttp: dial %s: %w", address, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("safehttp: dial %s: bad port: %w", address, err)
	}
	addrs, err := d.lookup(ctx, network, host)
	if err != nil {
		return nil, fmt.Errorf("safehttp: dial %s: %w", address, err)
	}
	var first error
	for _, a := range addrs {
		conn, err := d.net.DialContext(ctx, network, netip.AddrPortFrom(a, uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		if first == nil {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, first
}

// lookup returns the addresses to try for host, which may be an IP literal.
func (d *dialer) lookup(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	ipNetwork := "ip"
	switch network {
	case "tcp4":
		ipNetwork = "ip4"
	case "tcp6":
		ipNetwork = "ip6"
	}
	addrs, err := d.resolver.LookupNetIP(ctx, ipNetwork, host)
	if err != nil {
		return nil, fmt.Errorf("lookup %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("lookup %s: no addresses", host)
	}
	return addrs, nil
}
