package activitypub

import "testing"

// TestNormalizeHost pins down the spellings a domain block must see
// through: case, a trailing dot, a port, IDN in Unicode or punycode.
func TestNormalizeHost(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"example.com", "example.com", false},
		{"EXAMPLE.COM.:443", "example.com", false},
		{"Sub.Example.com", "sub.example.com", false},
		{"bücher.example", "xn--bcher-kva.example", false},
		{"BÜCHER.example:8080", "xn--bcher-kva.example", false},
		{"xn--bcher-kva.example", "xn--bcher-kva.example", false},
		{"ｅｘａｍｐｌｅ.com", "example.com", false}, // full-width letters fold
		{"my_host.example", "my_host.example", false},
		{"127.0.0.2:4000", "127.0.0.2", false},
		{"[::1]:80", "::1", false},
		{"", "", true},
		{"evil.example/path", "", true},
		{"user@evil.example", "", true},
	}
	for _, tt := range tests {
		got, err := NormalizeHost(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("NormalizeHost(%q) = %q, %v; want %q (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}
