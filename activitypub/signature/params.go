package signature

import (
	"fmt"
	"net/http"
	"strings"
)

// params is a parsed draft-cavage signature:
// keyId="…",algorithm="…",headers="(request-target) host date digest",signature="…"
type params struct {
	keyID     string
	algorithm string   // lowercased; "" when absent (it is optional)
	headers   []string // lowercased, in signing-string order
	signature string   // base64
	created   string   // (created) and (expires) values, if given
	expires   string
}

// findSignature returns the draft-cavage signature of a request, from the
// Signature header or from "Authorization: Signature …". RFC 9421 also uses a
// Signature header ("sig1=:…:"), told apart by its lack of a keyId and by the
// Signature-Input header that accompanies it.
func findSignature(h http.Header) (*params, error) {
	var sigErr error
	if v := h.Get("Signature"); v != "" {
		p, err := parseParams(v)
		if err == nil {
			return p, nil
		}
		sigErr = err
	}
	if a := h.Get("Authorization"); len(a) > len("Signature ") && strings.EqualFold(a[:len("Signature ")], "Signature ") {
		return parseParams(a[len("Signature "):])
	}
	if h.Get("Signature-Input") != "" {
		return nil, fmt.Errorf("%w: RFC 9421 signature (Signature-Input) without a draft-cavage one", ErrUnsupportedScheme)
	}
	if sigErr != nil {
		return nil, sigErr
	}
	return nil, ErrNoSignature
}

// parseParams parses a draft-cavage parameter list. It tolerates spaces
// around commas and equals signs (Mastodon does too) and refuses duplicate
// parameters. go-fed's own parser is stricter and differs in such corners, so
// go-fed is handed canonical() instead of the received header: the header
// list checked here is exactly the one go-fed verifies.
func parseParams(s string) (*params, error) {
	p := &params{}
	var headers string
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, fmt.Errorf("%w: malformed Signature parameter %q", ErrBadSignature, part)
		}
		var dst *string
		switch strings.TrimSpace(k) {
		case "keyId":
			dst = &p.keyID
		case "algorithm":
			dst = &p.algorithm
		case "headers":
			dst = &headers
		case "signature":
			dst = &p.signature
		case "created":
			dst = &p.created
		case "expires":
			dst = &p.expires
		default:
			continue // unknown parameters are ignored, as the draft says
		}
		if *dst != "" {
			return nil, fmt.Errorf("%w: duplicate Signature parameter %q", ErrBadSignature, k)
		}
		*dst = unquote(strings.TrimSpace(v))
	}
	if p.keyID == "" || p.signature == "" {
		return nil, fmt.Errorf("%w: Signature header lacks keyId or signature", ErrBadSignature)
	}
	if headers == "" {
		headers = "date" // the draft's default; it will fail our requirements
	}
	p.headers = strings.Fields(strings.ToLower(headers))
	p.algorithm = strings.ToLower(p.algorithm)
	return p, nil
}

func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	return v
}

// canonical re-serializes p for go-fed. created and expires are passed on
// only when signed: go-fed checks them against the wall clock, not ours.
func (p *params) canonical() string {
	var b strings.Builder
	fmt.Fprintf(&b, `keyId="%s",headers="%s",signature="%s"`, p.keyID, strings.Join(p.headers, " "), p.signature)
	if p.covers("(created)") {
		fmt.Fprintf(&b, ",created=%s", p.created)
	}
	if p.covers("(expires)") {
		fmt.Fprintf(&b, ",expires=%s", p.expires)
	}
	return b.String()
}

// covers reports whether the signature covers the (lowercase) header name.
func (p *params) covers(name string) bool {
	for _, h := range p.headers {
		if h == name {
			return true
		}
	}
	return false
}
