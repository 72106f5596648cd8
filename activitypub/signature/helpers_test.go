package signature

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-fed/httpsig"
)

// t0 is the time every synthetic request is signed at.
var t0 = time.Date(2026, 11, 26, 3, 12, 2, 0, time.UTC)

const (
	aliceKeyID = "https://remote.test/users/alice#main-key"
	aliceActor = "https://remote.test/users/alice"
)

func clock(t time.Time) func() time.Time { return func() time.Time { return t } }

// newRSAKey generates an RSA-2048 key.
func newRSAKey(tb testing.TB) *rsa.PrivateKey {
	tb.Helper()
	key, err := GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	return key
}

// resolver answers from maps and records the refresh flag of every call.
type resolver struct {
	keys  map[string]*PublicKey // answers with refresh=false
	fresh map[string]*PublicKey // answers with refresh=true; keys if absent

	mu    sync.Mutex
	calls []bool
}

func newResolver(keys ...*PublicKey) *resolver {
	r := &resolver{keys: map[string]*PublicKey{}, fresh: map[string]*PublicKey{}}
	for _, k := range keys {
		r.keys[k.ID] = k
	}
	return r
}

func (r *resolver) ResolveKey(_ context.Context, keyID string, refresh bool) (*PublicKey, error) {
	r.mu.Lock()
	r.calls = append(r.calls, refresh)
	r.mu.Unlock()
	if k, ok := r.fresh[keyID]; ok && refresh {
		return k, nil
	}
	if k, ok := r.keys[keyID]; ok {
		return k, nil
	}
	return nil, ErrKeyNotFound
}

func (r *resolver) refreshes() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, refresh := range r.calls {
		if refresh {
			n++
		}
	}
	return n
}

func alicePublic(key crypto.PublicKey) *PublicKey {
	return &PublicKey{ID: aliceKeyID, Owner: aliceActor, Key: key}
}

// newRequest builds a request as a server would see it after reading body.
func newRequest(tb testing.TB, method, target string, body []byte) *http.Request {
	tb.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(body))
	if body == nil {
		r.ContentLength = 0
	}
	return r
}

// signed returns a POST to cork.test signed by alice at t0.
func signed(tb testing.TB, key *rsa.PrivateKey, method, target string, body []byte) *http.Request {
	tb.Helper()
	r := newRequest(tb, method, target, body)
	s, err := NewSigner(aliceKeyID, key, clock(t0))
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Sign(r, body); err != nil {
		tb.Fatal(err)
	}
	return r
}

// signWithHeaders signs r with go-fed directly, over an arbitrary header list
// and algorithm, to build requests our Signer would never send.
func signWithHeaders(tb testing.TB, r *http.Request, key crypto.PrivateKey, algo httpsig.Algorithm, headers []string, body []byte) {
	tb.Helper()
	if r.Header.Get("Date") == "" {
		r.Header.Set("Date", t0.Format(http.TimeFormat))
	}
	if body != nil {
		r.Header.Set("Digest", digestSHA256(body))
	}
	s, _, err := httpsig.NewSigner([]httpsig.Algorithm{algo}, httpsig.DigestSha256, headers, httpsig.Signature, 0)
	if err != nil {
		tb.Fatal(err)
	}
	r.Header.Set("Host", r.Host)
	defer r.Header.Del("Host")
	if err := s.SignRequest(key, aliceKeyID, r, nil); err != nil {
		tb.Fatal(err)
	}
}

// activity is a Mastodon-style Create of about 3.5 KB.
func activity(tb testing.TB) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString(`{"@context":["https://www.w3.org/ns/activitystreams",{"ostatus":"http://ostatus.org#","atomUri":"ostatus:atomUri","sensitive":"as:sensitive","toot":"http://joinmastodon.org/ns#"}],` +
		`"id":"https://remote.test/users/alice/statuses/1/activity","type":"Create","actor":"https://remote.test/users/alice",` +
		`"published":"2026-11-26T03:12:02Z","to":["https://www.w3.org/ns/activitystreams#Public"],"cc":["https://remote.test/users/alice/followers"],` +
		`"object":{"id":"https://remote.test/users/alice/statuses/1","type":"Note","attributedTo":"https://remote.test/users/alice","content":"<p>`)
	for b.Len() < 3400 {
		b.WriteString("A pin about sourdough starters, hydration and patience. ")
	}
	b.WriteString(`</p>","attachment":[],"tag":[]}}`)
	return b.Bytes()
}
