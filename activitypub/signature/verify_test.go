package signature

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/go-fed/httpsig"
)

func TestVerifyAccepts(t *testing.T) {
	key := newRSAKey(t)
	body := activity(t)
	edPub, edPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		request func(t *testing.T) *http.Request
		body    []byte
		now     time.Time
		key     *PublicKey
	}{
		{
			name:    "POST round trip",
			request: func(t *testing.T) *http.Request { return signed(t, key, "POST", "/users/bob/inbox", body) },
			body:    body,
		},
		{
			name:    "GET round trip",
			request: func(t *testing.T) *http.Request { return signed(t, key, "GET", "/users/bob", nil) },
		},
		{
			name: "GET with query, signed with it",
			request: func(t *testing.T) *http.Request {
				return signed(t, key, "GET", "/users/bob/outbox?page=true&min_id=0", nil)
			},
		},
		{
			name: "GET with query, signed without it (Mastodon)",
			request: func(t *testing.T) *http.Request {
				r := newRequest(t, "GET", "/users/bob/outbox", nil)
				signWithHeaders(t, r, key, httpsig.RSA_SHA256, signedHeaders(false), nil)
				r.URL.RawQuery = "page=true"
				return r
			},
		},
		{
			name: "Authorization: Signature form",
			request: func(t *testing.T) *http.Request {
				r := signed(t, key, "POST", "/users/bob/inbox", body)
				r.Header.Set("Authorization", "Signature "+r.Header.Get("Signature"))
				r.Header.Del("Signature")
				return r
			},
			body: body,
		},
		{
			name: "draft-cavage beside RFC 9421: the cavage one is verified",
			request: func(t *testing.T) *http.Request {
				r := signed(t, key, "POST", "/users/bob/inbox", body)
				r.Header.Set("Signature-Input", `sig1=("@method" "@target-uri");alg="rsa-v1_5-sha256";keyid="x"`)
				return r
			},
			body: body,
		},
		{
			name: "hs2019 label, extra signed headers (GoToSocial, Mastodon)",
			request: func(t *testing.T) *http.Request {
				r := newRequest(t, "POST", "/users/bob/inbox", body)
				r.Header.Set("Content-Type", "application/activity+json")
				signWithHeaders(t, r, key, httpsig.RSA_SHA256, []string{"(request-target)", "host", "date", "digest", "content-type"}, body)
				return r
			},
			body: body,
		},
		{
			name: "ed25519 key",
			request: func(t *testing.T) *http.Request {
				r := newRequest(t, "POST", "/users/bob/inbox", body)
				signWithHeaders(t, r, edPriv, httpsig.ED25519, signedHeaders(true), body)
				return r
			},
			body: body,
			key:  alicePublic(edPub),
		},
		{
			name:    "Date 59 minutes old",
			request: func(t *testing.T) *http.Request { return signed(t, key, "POST", "/users/bob/inbox", body) },
			body:    body,
			now:     t0.Add(59 * time.Minute),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now, pk := tt.now, tt.key
			if now.IsZero() {
				now = t0
			}
			if pk == nil {
				pk = alicePublic(&key.PublicKey)
			}
			res, err := NewVerifier(clock(now), VerifierOptions{}).Verify(tt.request(t), tt.body, newResolver(pk))
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if res.KeyID != aliceKeyID || res.Owner != aliceActor {
				t.Errorf("Result = %+v, want alice", res)
			}
		})
	}
}

func TestVerifyRefuses(t *testing.T) {
	key, other := newRSAKey(t), newRSAKey(t)
	body := activity(t)
	post := func(t *testing.T) *http.Request { return signed(t, key, "POST", "/users/bob/inbox", body) }
	tests := []struct {
		name     string
		request  func(t *testing.T) *http.Request
		body     []byte // defaults to the signed body
		now      time.Time
		resolver *resolver // defaults to alice's real key
		want     error
	}{
		{name: "unsigned request", want: ErrNoSignature, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Header.Del("Signature")
			return r
		}},
		{name: "POST signature without digest", want: ErrMissingHeaders, request: func(t *testing.T) *http.Request {
			r := newRequest(t, "POST", "/users/bob/inbox", body)
			signWithHeaders(t, r, key, httpsig.RSA_SHA256, signedHeaders(false), body)
			return r
		}},
		{name: "GET signature without host", want: ErrMissingHeaders, body: []byte{}, request: func(t *testing.T) *http.Request {
			r := newRequest(t, "GET", "/users/bob", nil)
			signWithHeaders(t, r, key, httpsig.RSA_SHA256, []string{"(request-target)", "date"}, nil)
			return r
		}},
		{name: "signed header absent from request", want: ErrMissingHeaders, request: func(t *testing.T) *http.Request {
			r := newRequest(t, "POST", "/users/bob/inbox", body)
			r.Header.Set("Content-Type", "application/activity+json")
			signWithHeaders(t, r, key, httpsig.RSA_SHA256, []string{"(request-target)", "host", "date", "digest", "content-type"}, body)
			r.Header.Del("Content-Type")
			return r
		}},
		{name: "body changed after signing", want: ErrDigestMismatch, request: post,
			body: bytes.Replace(body, []byte("sourdough"), []byte("sourbread"), 1)},
		{name: "body truncated", want: ErrDigestMismatch, request: post, body: body[:1024]},
		{name: "digest header changed", want: ErrDigestMismatch, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Header.Set("Digest", digestSHA256([]byte(`{"type":"Delete"}`)))
			return r
		}},
		{name: "body and digest replaced together", want: ErrBadSignature, body: bytes.ToUpper(body),
			request: func(t *testing.T) *http.Request {
				r := post(t)
				r.Header.Set("Digest", digestSHA256(bytes.ToUpper(body)))
				return r
			}},
		{name: "replay on another path", want: ErrBadSignature, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.URL.Path = "/users/carol/inbox"
			return r
		}},
		{name: "host header changed", want: ErrBadSignature, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Host = "other.test"
			return r
		}},
		{name: "Date two hours in the past", want: ErrDateSkew, request: post, now: t0.Add(2 * time.Hour)},
		{name: "Date two hours in the future", want: ErrDateSkew, request: post, now: t0.Add(-2 * time.Hour)},
		{name: "Date unparseable", want: ErrDateSkew, request: func(t *testing.T) *http.Request {
			r := newRequest(t, "POST", "/users/bob/inbox", body)
			r.Header.Set("Date", "yesterday")
			signWithHeaders(t, r, key, httpsig.RSA_SHA256, signedHeaders(true), body)
			return r
		}},
		{name: "keyId resolves to another key", want: ErrBadSignature, request: post,
			resolver: newResolver(alicePublic(&other.PublicKey))},
		{name: "unknown keyId", want: ErrKeyNotFound, request: post, resolver: newResolver()},
		{name: "resolver returns a key with another id", want: ErrKeyNotFound, request: post,
			resolver: &resolver{keys: map[string]*PublicKey{aliceKeyID: {
				ID: "https://remote.test/users/mallory#main-key", Owner: aliceActor, Key: &key.PublicKey}}}},
		{name: "HMAC algorithm label", want: ErrBadSignature, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Header.Set("Signature", `keyId="`+aliceKeyID+`",algorithm="hmac-sha256",headers="(request-target) host date digest",signature="AAAA"`)
			return r
		}},
		{name: "duplicate headers parameter", want: ErrBadSignature, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Header.Set("Signature", r.Header.Get("Signature")+`,headers="date"`)
			return r
		}},
		{name: "RFC 9421 only", want: ErrUnsupportedScheme, request: func(t *testing.T) *http.Request {
			r := post(t)
			r.Header.Set("Signature-Input", `sig1=("@method" "@target-uri" "@authority" "content-digest");alg="rsa-v1_5-sha256";keyid="`+aliceKeyID+`"`)
			r.Header.Set("Signature", "sig1=:AAAA:")
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now, res, b := tt.now, tt.resolver, tt.body
			if now.IsZero() {
				now = t0
			}
			if res == nil {
				res = newResolver(alicePublic(&key.PublicKey))
			}
			if b == nil {
				b = body
			}
			got, err := NewVerifier(clock(now), VerifierOptions{}).Verify(tt.request(t), b, res)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Verify = %+v, %v; want %v", got, err, tt.want)
			}
			t.Logf("%v", err)
		})
	}
}

// A key that fails is fetched again, once, and the new key is used.
func TestVerifyKeyRotation(t *testing.T) {
	oldKey, newKey := newRSAKey(t), newRSAKey(t)
	body := activity(t)
	r := signed(t, newKey, "POST", "/users/bob/inbox", body)
	res := newResolver(alicePublic(&oldKey.PublicKey))
	res.fresh[aliceKeyID] = alicePublic(&newKey.PublicKey)

	got, err := NewVerifier(clock(t0), VerifierOptions{}).Verify(r, body, res)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if got.Owner != aliceActor {
		t.Errorf("Owner = %q", got.Owner)
	}
	if len(res.calls) != 2 || res.refreshes() != 1 || res.calls[1] != true {
		t.Errorf("ResolveKey refresh flags = %v, want [false true]", res.calls)
	}
}

// A wrong key is refetched exactly once, then refused.
func TestVerifyWrongKeyRefetchesOnce(t *testing.T) {
	key, other := newRSAKey(t), newRSAKey(t)
	body := activity(t)
	res := newResolver(alicePublic(&other.PublicKey))
	_, err := NewVerifier(clock(t0), VerifierOptions{}).Verify(signed(t, key, "POST", "/users/bob/inbox", body), body, res)
	if !errors.Is(err, ErrBadSignature) {
		t.Fatalf("err = %v, want ErrBadSignature", err)
	}
	if res.refreshes() != 1 {
		t.Errorf("ResolveKey refresh flags = %v, want one refresh", res.calls)
	}
}

// Verifying does not change the request (go-fed adds Host to the header map).
func TestVerifyLeavesRequestAlone(t *testing.T) {
	key := newRSAKey(t)
	body := activity(t)
	r := signed(t, key, "POST", "/users/bob/inbox", body)
	before := r.Header.Clone()
	if _, err := NewVerifier(clock(t0), VerifierOptions{}).Verify(r, body, newResolver(alicePublic(&key.PublicKey))); err != nil {
		t.Fatal(err)
	}
	if len(r.Header) != len(before) || r.Header.Get("Host") != "" {
		t.Errorf("header changed: %v, was %v", r.Header, before)
	}
}
