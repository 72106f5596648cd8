package signature

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-fed/httpsig"
)

// signedHeaders returns the headers we sign, as GoToSocial does, and require
// by default. Mastodon also signs content-type on POST; no receiver requires
// it, and each extra header is one more a proxy could rewrite.
func signedHeaders(withBody bool) []string {
	if withBody {
		return []string{httpsig.RequestTarget, "host", "date", "digest"}
	}
	return []string{httpsig.RequestTarget, "host", "date"}
}

// Signer signs outgoing requests with one actor's RSA key. It is safe for
// concurrent use: every call builds its own go-fed signer, so delivery
// workers can share one Signer without a lock.
type Signer struct {
	keyID string
	key   *rsa.PrivateKey
	now   func() time.Time
}

// NewSigner returns a Signer for the key published at keyID.
func NewSigner(keyID string, key *rsa.PrivateKey, now func() time.Time) (*Signer, error) {
	if key == nil {
		return nil, errors.New("signature: nil private key")
	}
	// The Signature header is a comma-separated list of quoted values;
	// receivers split it naively, so a keyId must not contain either.
	if keyID == "" || strings.ContainsAny(keyID, "\",") {
		return nil, fmt.Errorf("signature: unusable keyId %q", keyID)
	}
	if now == nil {
		now = time.Now
	}
	return &Signer{keyID: keyID, key: key, now: now}, nil
}

// Sign signs r, whose body must be exactly body. GET and HEAD are signed over
// "(request-target) host date"; every other method also gets a Digest of body
// and signs it. Sign sets Date (if missing), Host, Digest and Signature; any
// earlier Digest or Signature is replaced, so a retried request can be
// signed again.
func (s *Signer) Sign(r *http.Request, body []byte) error {
	host := r.Host // what net/http puts on the wire; URL.Host if empty
	if host == "" {
		host = r.URL.Host
	}
	if host == "" {
		return fmt.Errorf("sign %s %s: no host", r.Method, r.URL)
	}
	r.Host = host
	if r.Header == nil {
		r.Header = make(http.Header)
	}
	if r.Header.Get("Date") == "" {
		r.Header.Set("Date", s.now().UTC().Format(http.TimeFormat))
	}
	r.Header.Del("Signature")
	r.Header.Del("Digest")
	if hasBody(r.Method) {
		r.Header.Set("Digest", digestSHA256(body))
	}
	if err := s.sign(r, host, signedHeaders(hasBody(r.Method))); err != nil {
		return fmt.Errorf("sign %s %s: %w", r.Method, r.URL, err)
	}
	return nil
}

func (s *Signer) sign(r *http.Request, host string, headers []string) error {
	signer, _, err := httpsig.NewSigner([]httpsig.Algorithm{httpsig.RSA_SHA256},
		httpsig.DigestSha256, headers, httpsig.Signature, 0)
	if err != nil {
		return err
	}
	// go-fed reads Host from the header map (net/http never sends that
	// entry; it sends r.Host) and writes URL.Path into (request-target),
	// while the wire carries the escaped path: hand it a view of both.
	view := &http.Request{Method: r.Method, URL: requestTarget(r.URL, true), Host: host, Header: r.Header}
	r.Header.Set("Host", host)
	defer r.Header.Del("Host")
	if err := signer.SignRequest(s.key, s.keyID, view, nil); err != nil {
		return err
	}
	relabel(r.Header, s.keyID)
	return nil
}

// relabel replaces the algorithm="hs2019" go-fed v1.1.0 always writes with
// "rsa-sha256", what Mastodon sends. Every receiver that federates with
// Mastodon accepts rsa-sha256; several refused or still refuse hs2019
// (PeerTube's and gup.pe's node-http-signature, Misskey before 2022, Takahe
// before 2023, Bridgy Fed). The label is not covered by the signature (we do
// not sign "(algorithm)"), so changing it leaves the signature valid.
func relabel(h http.Header, keyID string) {
	from := `keyId="` + keyID + `",algorithm="hs2019",`
	if v := h.Get("Signature"); strings.HasPrefix(v, from) {
		h.Set("Signature", `keyId="`+keyID+`",algorithm="rsa-sha256",`+v[len(from):])
	}
}

// hasBody reports whether requests of this method carry a body to digest.
func hasBody(method string) bool {
	return method != http.MethodGet && method != http.MethodHead
}

// requestTarget returns the URL go-fed should see so that its
// (request-target) is the escaped path as sent, with or without the query.
func requestTarget(u *url.URL, withQuery bool) *url.URL {
	v := &url.URL{Path: u.EscapedPath()}
	if v.Path == "" {
		v.Path = "/" // what net/http sends for an empty path
	}
	if withQuery {
		v.RawQuery = u.RawQuery
	}
	return v
}
