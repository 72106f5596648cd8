package signature

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"strings"
)

// The Digest header (RFC 3230) carries a hash of the body. The body itself is
// not part of a draft-cavage signature; the signed Digest header is, so a
// verifier must recompute the hash from the bytes it received and compare.
// Values look like "SHA-256=<base64>", several may be listed, comma-separated,
// and the algorithm name is case-insensitive. RFC 9530's Content-Digest
// ("sha-256=:<base64>:") belongs to RFC 9421 and is not consulted here.

// digestSHA256 returns the Digest header value for body, as Mastodon sends it.
func digestSHA256(body []byte) string {
	sum := sha256.Sum256(body)
	return "SHA-256=" + base64.StdEncoding.EncodeToString(sum[:])
}

// checkDigest verifies the Digest header values against body. Every SHA-256
// or SHA-512 entry must match, and at least one must be present; entries in
// other algorithms are ignored (we cannot check them, so they prove nothing).
func checkDigest(values []string, body []byte) error {
	if len(values) == 0 {
		return fmt.Errorf("%w: no Digest header", ErrDigestMismatch)
	}
	checked := 0
	var others []string
	for _, value := range values {
		for _, entry := range strings.Split(value, ",") {
			algo, got, ok := strings.Cut(strings.TrimSpace(entry), "=")
			if !ok {
				return fmt.Errorf("%w: malformed Digest entry %q", ErrDigestMismatch, entry)
			}
			want, known := digestOf(algo, body)
			if !known {
				others = append(others, algo)
				continue
			}
			if strings.TrimSpace(got) != want {
				return fmt.Errorf("%w: %s of the %d-byte body is %s, Digest says %s",
					ErrDigestMismatch, algo, len(body), want, got)
			}
			checked++
		}
	}
	if checked == 0 {
		return fmt.Errorf("%w: Digest offers no SHA-256 or SHA-512 (only %s)",
			ErrDigestMismatch, strings.Join(others, ", "))
	}
	return nil
}

// digestOf returns the base64 hash of body in the named algorithm, and false
// for algorithms we do not check.
func digestOf(algo string, body []byte) (string, bool) {
	switch strings.ToUpper(algo) {
	case "SHA-256":
		sum := sha256.Sum256(body)
		return base64.StdEncoding.EncodeToString(sum[:]), true
	case "SHA-512":
		sum := sha512.Sum512(body)
		return base64.StdEncoding.EncodeToString(sum[:]), true
	}
	return "", false
}
