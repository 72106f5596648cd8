package safehttp

import (
	"errors"
	"net/netip"
	"testing"
)

func TestAddressPolicy(t *testing.T) {
	tests := []struct {
		name        string
		addr        string
		allow       string
		wantRefused bool
		wantReason  string // checked when not ""
	}{
		// IPv4 special-purpose ranges, at their edges.
		{name: "this network", addr: "0.0.0.0", wantRefused: true, wantReason: `"this network" address`},
		{name: "this network end", addr: "0.255.255.255", wantRefused: true},
		{name: "private 10 start", addr: "10.0.0.0", wantRefused: true, wantReason: "private address"},
		{name: "private 10 end", addr: "10.255.255.255", wantRefused: true},
		{name: "before 10/8", addr: "9.255.255.255"},
		{name: "after 10/8", addr: "11.0.0.0"},
		{name: "CGNAT start", addr: "100.64.0.0", wantRefused: true, wantReason: "shared (CGNAT) address"},
		{name: "CGNAT end", addr: "100.127.255.255", wantRefused: true},
		{name: "before CGNAT", addr: "100.63.255.255"},
		{name: "after CGNAT", addr: "100.128.0.0"},
		{name: "loopback", addr: "127.0.0.1", wantRefused: true, wantReason: "loopback address"},
		{name: "loopback end", addr: "127.255.255.255", wantRefused: true},
		{name: "before loopback", addr: "126.255.255.255"},
		{name: "after loopback", addr: "128.0.0.0"},
		{name: "cloud metadata", addr: "169.254.169.254", wantRefused: true, wantReason: "link-local address"},
		{name: "after link-local", addr: "169.255.0.0"},
		{name: "private 172 start", addr: "172.16.0.0", wantRefused: true},
		{name: "private 172 end", addr: "172.31.255.255", wantRefused: true},
		{name: "before 172.16/12", addr: "172.15.255.255"},
		{name: "after 172.16/12", addr: "172.32.0.0"},
		{name: "IETF protocol assignments", addr: "192.0.0.9", wantRefused: true},
		{name: "after 192.0.0/24", addr: "192.0.1.0"},
		{name: "TEST-NET-1", addr: "192.0.2.1", wantRefused: true, wantReason: "documentation address"},
		{name: "6to4 relay", addr: "192.88.99.1", wantRefused: true},
		{name: "private 192.168", addr: "192.168.1.1", wantRefused: true},
		{name: "before 192.168/16", addr: "192.167.255.255"},
		{name: "after 192.168/16", addr: "192.169.0.0"},
		{name: "benchmark start", addr: "198.18.0.0", wantRefused: true, wantReason: "benchmarking address"},
		{name: "benchmark end", addr: "198.19.255.255", wantRefused: true},
		{name: "before benchmark", addr: "198.17.255.255"},
		{name: "after benchmark", addr: "198.20.0.0"},
		{name: "TEST-NET-2", addr: "198.51.100.7", wantRefused: true},
		{name: "TEST-NET-3", addr: "203.0.113.9", wantRefused: true},
		{name: "multicast", addr: "224.0.0.1", wantRefused: true, wantReason: "multicast address"},
		{name: "multicast SSDP", addr: "239.255.255.250", wantRefused: true},
		{name: "last unicast", addr: "223.255.255.255"},
		{name: "class E", addr: "240.0.0.1", wantRefused: true},
		{name: "broadcast", addr: "255.255.255.255", wantRefused: true},
		{name: "public v4", addr: "1.1.1.1"},
		{name: "public v4 2", addr: "93.184.216.34"},

		// IPv6.
		{name: "v6 unspecified", addr: "::", wantRefused: true, wantReason: "unspecified address"},
		{name: "v6 loopback", addr: "::1", wantRefused: true, wantReason: "loopback address"},
		{name: "v4-compatible loopback", addr: "::127.0.0.1", wantRefused: true},
		{name: "link-local", addr: "fe80::1", wantRefused: true, wantReason: "link-local address"},
		{name: "link-local with zone", addr: "fe80::1%eth0", wantRefused: true},
		{name: "site-local", addr: "fec0::1", wantRefused: true},
		{name: "unique local fc", addr: "fc00::1", wantRefused: true, wantReason: "unique local address"},
		{name: "unique local fd", addr: "fd12:3456::1", wantRefused: true},
		{name: "v6 multicast", addr: "ff02::1", wantRefused: true},
		{name: "v6 documentation", addr: "2001:db8::1", wantRefused: true},
		{name: "v6 documentation 3fff", addr: "3fff:0fff::1", wantRefused: true},
		{name: "Teredo", addr: "2001::1", wantRefused: true},
		{name: "v6 benchmarking", addr: "2001:2::1", wantRefused: true},
		{name: "6to4", addr: "2002:7f00:1::1", wantRefused: true},
		{name: "discard-only", addr: "100::1", wantRefused: true},
		{name: "outside 2000::/3", addr: "4000::1", wantRefused: true, wantReason: "reserved address"},
		{name: "SRv6 SID", addr: "5f00::1", wantRefused: true},
		{name: "public v6 cloudflare", addr: "2606:4700:4700::1111"},
		{name: "public v6 after 2001::/23", addr: "2001:200::1"},
		{name: "public v6 after 3fff::/20", addr: "3fff:1000::1"},

		// IPv4-mapped IPv6 is judged as the IPv4 address it maps.
		{name: "mapped loopback", addr: "::ffff:127.0.0.1", wantRefused: true, wantReason: "loopback address"},
		{name: "mapped private", addr: "::ffff:10.0.0.1", wantRefused: true},
		{name: "mapped metadata", addr: "::ffff:169.254.169.254", wantRefused: true},
		{name: "mapped unspecified", addr: "::ffff:0.0.0.0", wantRefused: true},
		{name: "mapped CGNAT", addr: "::ffff:100.64.0.1", wantRefused: true},
		{name: "mapped public", addr: "::ffff:1.1.1.1"},

		// NAT64 is judged by the embedded IPv4 address.
		{name: "NAT64 of loopback", addr: "64:ff9b::7f00:1", wantRefused: true, wantReason: "NAT64 address of a loopback address"},
		{name: "NAT64 of private", addr: "64:ff9b::a00:1", wantRefused: true},
		{name: "NAT64 of public", addr: "64:ff9b::101:101"},
		{name: "local-use NAT64", addr: "64:ff9b:1::101:101", wantRefused: true},

		// Operator exceptions.
		{name: "allowed loopback", addr: "127.0.0.1", allow: "127.0.0.0/8"},
		{name: "allowed mapped loopback", addr: "::ffff:127.0.0.1", allow: "127.0.0.0/8"},
		{name: "allowed via mapped prefix", addr: "10.1.2.3", allow: "::ffff:10.0.0.0/104"},
		{name: "outside single-host allowance", addr: "127.0.0.2", allow: "127.0.0.1/32", wantRefused: true},
		{name: "allowance is not global", addr: "10.0.0.1", allow: "127.0.0.0/8", wantRefused: true},
		{name: "allowed zoned link-local", addr: "fe80::1%eth0", allow: "fe80::/10"},
		{name: "allowed NAT64 via v4 allowance", addr: "64:ff9b::a00:1", allow: "10.0.0.0/8"},
		{name: "allowed v6 ULA", addr: "fd00::5", allow: "fd00::/8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			policy := newAddressPolicy(Config{AllowPrivate: prefixes(t, tt.allow)}.withDefaults().AllowPrivate)
			err := policy.check(netip.MustParseAddr(tt.addr))
			if got := err != nil; got != tt.wantRefused {
				t.Fatalf("check(%s) = %v, want refused %v", tt.addr, err, tt.wantRefused)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Errorf("errors.Is(%v, ErrForbiddenAddress) = false", err)
			}
			var ae *AddressError
			if !errors.As(err, &ae) {
				t.Fatalf("error %T is not an *AddressError", err)
			}
			if tt.wantReason != "" && ae.Reason != tt.wantReason {
				t.Errorf("reason = %q, want %q", ae.Reason, tt.wantReason)
			}
		})
	}
}

func TestAddressPolicyRefusesInvalidAddress(t *testing.T) {
	if err := newAddressPolicy(nil).check(netip.Addr{}); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("check(zero Addr) = %v, want ErrForbiddenAddress", err)
	}
}

func TestAddressErrorMessage(t *testing.T) {
	err := newAddressPolicy(nil).check(netip.MustParseAddr("127.0.0.1"))
	want := "refusing to connect to 127.0.0.1: loopback address (allow it with CORKBOARD_ALLOW_PRIVATE_ADDRESSES)"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
}

func TestControlAddress(t *testing.T) {
	policy := newAddressPolicy(prefixes(t, loopback))
	tests := []struct {
		name, network, address string
		wantErr                bool
	}{
		{name: "allowed tcp4", network: "tcp4", address: "127.0.0.1:80"},
		{name: "allowed tcp6", network: "tcp6", address: "[::1]:443"},
		{name: "refused tcp4", network: "tcp4", address: "10.0.0.1:80", wantErr: true},
		{name: "refused zoned tcp6", network: "tcp6", address: "[fe80::1%lo]:80", wantErr: true},
		{name: "udp refused", network: "udp4", address: "127.0.0.1:53", wantErr: true},
		{name: "unparsable fails closed", network: "tcp4", address: "localhost:80", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := controlAddress(policy, tt.network, tt.address)
			if (err != nil) != tt.wantErr {
				t.Fatalf("controlAddress(%s, %s) = %v, want error %v", tt.network, tt.address, err, tt.wantErr)
			}
		})
	}
}
