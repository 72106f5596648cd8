package signature

import (
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"testing"
)

func TestCheckDigest(t *testing.T) {
	body := []byte(`{"type":"Follow"}`)
	sha256 := digestSHA256(body)
	sum := sha512.Sum512(body)
	sha512 := "SHA-512=" + base64.StdEncoding.EncodeToString(sum[:])
	other := digestSHA256([]byte(`{"type":"Block"}`))
	tests := []struct {
		name   string
		values []string
		ok     bool
	}{
		{"SHA-256", []string{sha256}, true},
		{"lowercase algorithm", []string{"sha-256=" + sha256[len("SHA-256="):]}, true},
		{"SHA-512", []string{sha512}, true},
		{"both, comma-separated", []string{sha256 + ", " + sha512}, true},
		{"unknown algorithm beside SHA-256", []string{"MD5=Zm9v," + sha256}, true},
		{"no header", nil, false},
		{"wrong SHA-256", []string{other}, false},
		{"SHA-256 right, SHA-512 wrong", []string{sha256 + ",SHA-512=AAAA"}, false},
		{"only unknown algorithms", []string{"MD5=Zm9v"}, false},
		{"malformed", []string{"SHA-256"}, false},
		{"RFC 9530 Content-Digest syntax", []string{"sha-256=:" + sha256[len("SHA-256="):] + ":"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDigest(tt.values, body)
			if tt.ok && err != nil {
				t.Errorf("checkDigest(%q) = %v", tt.values, err)
			}
			if !tt.ok && !errors.Is(err, ErrDigestMismatch) {
				t.Errorf("checkDigest(%q) = %v, want ErrDigestMismatch", tt.values, err)
			}
		})
	}
}
