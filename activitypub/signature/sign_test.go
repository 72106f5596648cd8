package signature

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var signatureRE = regexp.MustCompile(`^keyId="([^"]+)",algorithm="([^"]+)",headers="([^"]+)",signature="([^"]+)"$`)

// Sign's output is checked without go-fed: the header is parsed with a
// regexp and the signing string rebuilt by hand, as Mastodon's verifier does.
func TestSign(t *testing.T) {
	key := newRSAKey(t)
	body := activity(t)
	tests := []struct {
		name, method, url string
		body              []byte
		wantHeaders       string
		wantTarget        string
	}{
		{"POST", "POST", "https://cork.test/users/bob/inbox", body, "(request-target) host date digest", "post /users/bob/inbox"},
		{"GET", "GET", "https://cork.test/users/bob", nil, "(request-target) host date", "get /users/bob"},
		{"GET with query", "GET", "https://cork.test/users/bob/outbox?page=true", nil, "(request-target) host date", "get /users/bob/outbox?page=true"},
		{"escaped path", "GET", "https://cork.test/tags/caf%C3%A9", nil, "(request-target) host date", "get /tags/caf%C3%A9"},
		{"empty path", "GET", "https://cork.test", nil, "(request-target) host date", "get /"},
		{"port in host", "POST", "http://cork.test:8080/inbox", body, "(request-target) host date digest", "post /inbox"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := http.NewRequest(tt.method, tt.url, bytes.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			s, err := NewSigner(aliceKeyID, key, clock(t0))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Sign(r, tt.body); err != nil {
				t.Fatal(err)
			}
			if got, want := r.Header.Get("Date"), "Thu, 26 Nov 2026 03:12:02 GMT"; got != want {
				t.Errorf("Date = %q, want %q", got, want)
			}
			if h := r.Header.Get("Host"); h != "" {
				t.Errorf("Host left in the header map: %q", h)
			}
			wantDigest := ""
			if tt.body != nil {
				sum := sha256.Sum256(tt.body)
				wantDigest = "SHA-256=" + base64.StdEncoding.EncodeToString(sum[:])
			}
			if got := r.Header.Get("Digest"); got != wantDigest {
				t.Errorf("Digest = %q, want %q", got, wantDigest)
			}
			m := signatureRE.FindStringSubmatch(r.Header.Get("Signature"))
			if m == nil {
				t.Fatalf("Signature = %q, not keyId,algorithm,headers,signature", r.Header.Get("Signature"))
			}
			if m[1] != aliceKeyID || m[2] != "rsa-sha256" || m[3] != tt.wantHeaders {
				t.Errorf("keyId, algorithm, headers = %q, %q, %q", m[1], m[2], m[3])
			}
			lines := []string{"(request-target): " + tt.wantTarget, "host: " + r.URL.Host, "date: " + r.Header.Get("Date")}
			if wantDigest != "" {
				lines = append(lines, "digest: "+wantDigest)
			}
			sig, _ := base64.StdEncoding.DecodeString(m[4])
			hashed := sha256.Sum256([]byte(strings.Join(lines, "\n")))
			if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA256, hashed[:], sig); err != nil {
				t.Errorf("signature over %q: %v", lines, err)
			}
		})
	}
}

func TestSignKeepsDateAndReplacesOldSignature(t *testing.T) {
	key := newRSAKey(t)
	body := activity(t)
	r, _ := http.NewRequest("POST", "https://cork.test/inbox", bytes.NewReader(body))
	r.Header.Set("Date", "Thu, 26 Nov 2026 03:00:00 GMT")
	s, _ := NewSigner(aliceKeyID, key, clock(t0))
	for range 2 { // a retried delivery is signed again
		if err := s.Sign(r, body); err != nil {
			t.Fatal(err)
		}
	}
	if got := r.Header.Get("Date"); got != "Thu, 26 Nov 2026 03:00:00 GMT" {
		t.Errorf("Date = %q, want the caller's", got)
	}
	if n, m := len(r.Header.Values("Signature")), len(r.Header.Values("Digest")); n != 1 || m != 1 {
		t.Errorf("%d Signature and %d Digest headers, want 1 each", n, m)
	}
	v := NewVerifier(clock(t0), VerifierOptions{})
	if _, err := v.Verify(r, body, newResolver(alicePublic(&key.PublicKey))); err != nil {
		t.Error(err)
	}
}

// One Signer shared by many goroutines (run with -race).
func TestSignConcurrently(t *testing.T) {
	key := newRSAKey(t)
	body := activity(t)
	s, _ := NewSigner(aliceKeyID, key, clock(t0))
	v := NewVerifier(clock(t0), VerifierOptions{})
	keys := newResolver(alicePublic(&key.PublicKey))
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			r := newRequest(t, "POST", "/users/"+strings.Repeat("b", i+1)+"/inbox", body)
			if err := s.Sign(r, body); err != nil {
				t.Error(err)
				return
			}
			if _, err := v.Verify(r, body, keys); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestNewSignerRefuses(t *testing.T) {
	key := newRSAKey(t)
	for _, keyID := range []string{"", `https://x.test/a",b`, "https://x.test/a,b"} {
		if _, err := NewSigner(keyID, key, nil); err == nil {
			t.Errorf("NewSigner(%q) accepted", keyID)
		}
	}
	if _, err := NewSigner(aliceKeyID, nil, nil); err == nil {
		t.Error("NewSigner(nil key) accepted")
	}
}
