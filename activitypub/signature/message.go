package signature

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-fed/httpsig"
)

// supportedAlgorithm reports whether we accept the algorithm parameter. It
// is only a label: the key type decides how to verify (see algorithmFor), so
// a sender cannot pick, say, an HMAC keyed with our copy of its public key.
func supportedAlgorithm(a string) bool {
	switch a {
	case "", "hs2019", "rsa-sha256", "rsa-sha512", "ed25519":
		return true
	}
	return false
}

// algorithmFor returns how to verify a signature labelled declared with key.
// hs2019 means "whatever the key implies"; for RSA keys that is RSA-SHA256,
// as Mastodon, GoToSocial and Misskey read it (draft-cavage-12's SHA-512 for
// hs2019 was never followed).
func algorithmFor(declared string, key crypto.PublicKey) (httpsig.Algorithm, error) {
	switch key.(type) {
	case *rsa.PublicKey:
		switch declared {
		case "", "hs2019", "rsa-sha256":
			return httpsig.RSA_SHA256, nil
		case "rsa-sha512":
			return httpsig.RSA_SHA512, nil
		}
	case ed25519.PublicKey:
		switch declared {
		case "", "hs2019", "ed25519":
			return httpsig.ED25519, nil
		}
	}
	return "", fmt.Errorf("%w: algorithm %q does not fit a %T key", ErrBadSignature, declared, key)
}

// message is what go-fed verifies: only the signed headers, Host taken from
// r.Host, our canonical Signature, and the request-target with and without
// the query string.
type message struct {
	p       *params
	header  http.Header
	host    string
	targets []*http.Request
}

func newMessage(r *http.Request, p *params) *message {
	m := &message{p: p, header: make(http.Header, len(p.headers)+2), host: host(r)}
	for _, h := range p.headers {
		if !strings.HasPrefix(h, "(") && h != "host" {
			m.header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	m.header.Set("Host", m.host)
	m.header.Set("Signature", p.canonical())
	// Mastodon signs and checks (request-target) without the query string;
	// GoToSocial and we sign it with. Accept both, as GoToSocial does.
	m.targets = append(m.targets, m.request(r, true))
	if r.URL.RawQuery != "" {
		m.targets = append(m.targets, m.request(r, false))
	}
	return m
}

func (m *message) request(r *http.Request, withQuery bool) *http.Request {
	return &http.Request{Method: r.Method, URL: requestTarget(r.URL, withQuery), Host: m.host, Header: m.header}
}

// verify checks the signature with key, trying each request-target form.
func (m *message) verify(key *PublicKey) error {
	algo, err := algorithmFor(m.p.algorithm, key.Key)
	if err != nil {
		return err
	}
	for _, target := range m.targets {
		v, verr := httpsig.NewVerifier(target)
		if verr != nil {
			return fmt.Errorf("%w: %w", ErrBadSignature, verr)
		}
		if err = v.Verify(key.Key, algo); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%w: does not verify with key %q (%s): %w", ErrBadSignature, key.ID, algo, err)
}
