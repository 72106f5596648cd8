package safehttp

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func TestParsePrefixes(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string // substring of the error; "" means success
	}{
		{name: "empty", in: "", want: []string{}},
		{name: "blank", in: " ,\t, ", want: []string{}},
		{name: "one CIDR", in: "10.0.0.0/8", want: []string{"10.0.0.0/8"}},
		{name: "bare v4", in: "127.0.0.1", want: []string{"127.0.0.1/32"}},
		{name: "bare v6", in: "::1", want: []string{"::1/128"}},
		{name: "comma separated", in: "10.0.0.0/8,192.168.0.0/16", want: []string{"10.0.0.0/8", "192.168.0.0/16"}},
		{name: "mixed separators", in: "10.0.0.0/8, fd00::/8\n127.0.0.1,,", want: []string{"10.0.0.0/8", "fd00::/8", "127.0.0.1/32"}},
		{name: "host bits masked", in: "10.1.2.3/8", want: []string{"10.0.0.0/8"}},
		{name: "mapped prefix unmapped", in: "::ffff:10.0.0.0/104", want: []string{"10.0.0.0/8"}},
		{name: "mapped address unmapped", in: "::ffff:127.0.0.1", want: []string{"127.0.0.1/32"}},
		{name: "bad octet", in: "10.0.0.300", wantErr: `"10.0.0.300"`},
		{name: "bad length", in: "10.0.0.0/33", wantErr: `"10.0.0.0/33"`},
		{name: "host name", in: "example.com", wantErr: `"example.com"`},
		{name: "zone", in: "fe80::1%eth0", wantErr: "zones"},
		{name: "short mapped prefix", in: "::ffff:0:0/80", wantErr: "shorter than /96"},
		{name: "bad entry among good", in: "10.0.0.0/8, nope, ::1", wantErr: `bad entry "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePrefixes(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParsePrefixes(%q) error = %v, want one containing %s", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePrefixes(%q): %v", tt.in, err)
			}
			want := make([]netip.Prefix, len(tt.want))
			for i, s := range tt.want {
				want[i] = netip.MustParsePrefix(s)
			}
			if !slices.Equal(got, want) {
				t.Errorf("ParsePrefixes(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}
