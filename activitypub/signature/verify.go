package signature

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// VerifierOptions tune a Verifier; zero values take the defaults.
type VerifierOptions struct {
	// MaxSkew bounds the distance between Date and now, both ways.
	// Default one hour, Mastodon's CLOCK_SKEW_MARGIN.
	MaxSkew time.Duration
	// RequiredHeadersPOST must be signed on requests with a body (every
	// method but GET and HEAD). Default (request-target) host date digest.
	RequiredHeadersPOST []string
	// RequiredHeadersGET must be signed on GET and HEAD requests.
	// Default (request-target) host date.
	RequiredHeadersGET []string
}

// Verifier checks draft-cavage signatures of incoming requests. It holds no
// mutable state and is safe for concurrent use.
type Verifier struct {
	now          func() time.Time
	maxSkew      time.Duration
	requiredPOST []string
	requiredGET  []string
}

// NewVerifier returns a Verifier reading the time from now (time.Now if nil).
func NewVerifier(now func() time.Time, opts VerifierOptions) *Verifier {
	v := &Verifier{now: now, maxSkew: opts.MaxSkew,
		requiredPOST: lower(opts.RequiredHeadersPOST), requiredGET: lower(opts.RequiredHeadersGET)}
	if v.now == nil {
		v.now = time.Now
	}
	if v.maxSkew <= 0 {
		v.maxSkew = time.Hour
	}
	if v.requiredPOST == nil {
		v.requiredPOST = signedHeaders(true)
	}
	if v.requiredGET == nil {
		v.requiredGET = signedHeaders(false)
	}
	return v
}

// Verify checks the signature of r, whose body was read into body, and
// returns who signed it. Cheap checks (headers, Date, Digest) come before the
// key lookup, which may fetch. If the key does not verify, it is resolved
// once more with refresh=true, in case the actor rotated it.
func (v *Verifier) Verify(r *http.Request, body []byte, keys KeyResolver) (*Result, error) {
	p, err := findSignature(r.Header)
	if err != nil {
		return nil, err
	}
	if err := v.check(r, p, body); err != nil {
		return nil, fmt.Errorf("keyId %q: %w", p.keyID, err)
	}
	m := newMessage(r, p)
	key, err := resolve(r.Context(), keys, p.keyID, false)
	if err != nil {
		return nil, err
	}
	err = m.verify(key)
	if err == nil {
		return &Result{KeyID: key.ID, Owner: key.Owner}, nil
	}
	fresh, rerr := resolve(r.Context(), keys, p.keyID, true)
	if rerr != nil {
		return nil, fmt.Errorf("%w; refetching the key failed: %w", err, rerr)
	}
	if sameKey(key.Key, fresh.Key) {
		return nil, err
	}
	if err := m.verify(fresh); err != nil {
		return nil, err
	}
	return &Result{KeyID: fresh.ID, Owner: fresh.Owner}, nil
}

// check applies the requirements that need no key: signed headers, Date,
// algorithm, body length and Digest.
func (v *Verifier) check(r *http.Request, p *params, body []byte) error {
	required := v.requiredGET
	if hasBody(r.Method) || len(body) > 0 {
		required = v.requiredPOST
	}
	var missing []string
	for _, h := range required {
		if !p.covers(h) {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s %s signed %q, which lacks %s", ErrMissingHeaders,
			r.Method, r.URL.Path, strings.Join(p.headers, " "), strings.Join(missing, ", "))
	}
	for _, h := range p.headers {
		if !present(r, p, h) {
			return fmt.Errorf("%w: signed header %q is absent from the request", ErrMissingHeaders, h)
		}
	}
	if !supportedAlgorithm(p.algorithm) {
		return fmt.Errorf("%w: unsupported algorithm %q", ErrBadSignature, p.algorithm)
	}
	if err := v.checkDate(r.Header.Get("Date")); err != nil {
		return err
	}
	// A short read (a body limit, a dropped connection) must not pass as a
	// different, shorter body: its digest would fail anyway, but say why.
	if r.ContentLength >= 0 && hasBody(r.Method) && int64(len(body)) != r.ContentLength {
		return fmt.Errorf("%w: got %d body bytes, Content-Length says %d", ErrDigestMismatch, len(body), r.ContentLength)
	}
	if p.covers("digest") {
		return checkDigest(r.Header.Values("Digest"), body)
	}
	return nil
}

func (v *Verifier) checkDate(value string) error {
	if value == "" {
		return fmt.Errorf("%w: no Date header", ErrMissingHeaders)
	}
	t, err := http.ParseTime(value)
	if err != nil {
		return fmt.Errorf("%w: unparseable Date %q", ErrDateSkew, value)
	}
	skew := v.now().Sub(t)
	if skew < -v.maxSkew || skew > v.maxSkew {
		return fmt.Errorf("%w: Date %q is %s from now, more than %s", ErrDateSkew, value, skew.Abs().Round(time.Second), v.maxSkew)
	}
	return nil
}

// present reports whether the request has a value for a signed header.
func present(r *http.Request, p *params, h string) bool {
	switch h {
	case "(request-target)":
		return true
	case "(created)":
		return p.created != ""
	case "(expires)":
		return p.expires != ""
	case "host":
		return host(r) != ""
	}
	return len(r.Header.Values(h)) > 0
}

// host returns the Host the client sent. On a server, net/http moves it from
// the header map to r.Host, which is therefore the only value to trust.
func host(r *http.Request) string {
	if r.Host != "" {
		return r.Host
	}
	return r.URL.Host
}

func lower(names []string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(n)
	}
	return out
}
