//go:build unix

package activitypub

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/activitypub/signature"
)

// Issue measurement 5a: the inbox's verify-and-parse stage beside the raw
// RSA verification it cannot go below. Run both in one go:
//
//	go test -run '^$' -bench 'InboxVerifyAndParse|RawRSAVerify' ./activitypub/

const (
	benchActor = "https://remote.test/users/alice"
	benchKeyID = benchActor + "#main-key"
)

// benchStore answers the one query the stage makes (the domain block
// list, loaded once into the Service's cache); the key comes from the
// in-memory cache, as for any actor seen before.
type benchStore struct{ corkboard.Store }

func (benchStore) DomainBlocks(context.Context) ([]*corkboard.DomainBlock, error) { return nil, nil }

// BenchmarkInboxVerifyAndParse: body read, digest, signature verification,
// ScanEnvelope (with JSON validation) and the signer == actor check, for a
// signed Mastodon-style Create(Note) of about 3.5 KB.
func BenchmarkInboxVerifyAndParse(b *testing.B) {
	key := benchKey(b)
	at := time.Date(2026, 11, 26, 3, 12, 2, 0, time.UTC)
	now := func() time.Time { return at }
	svc := corkboard.NewService(benchStore{}, nil, now, corkboard.ServiceOptions{NormalizeHost: NormalizeHost})
	f, err := New(Deps{Service: svc, Store: benchStore{}, BaseURL: "https://cork.test", Client: safehttp.New(safehttp.Config{}), Now: now})
	if err != nil {
		b.Fatal(err)
	}
	f.inbound.keys.put(&signature.PublicKey{ID: benchKeyID, Owner: benchActor, Key: &key.PublicKey})
	body := mastodonCreate()
	r := httptest.NewRequest(http.MethodPost, "https://cork.test/users/bob/inbox", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/activity+json")
	signer, err := signature.NewSigner(benchKeyID, key, now)
	if err != nil {
		b.Fatal(err)
	}
	if err := signer.Sign(r, body); err != nil {
		b.Fatal(err)
	}
	w := httptest.NewRecorder()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		r.Body = io.NopCloser(bytes.NewReader(body))
		if _, err := f.authenticate(w, r); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRawRSAVerify is the floor: one RSA-2048 PKCS#1 v1.5
// verification of a precomputed digest.
func BenchmarkRawRSAVerify(b *testing.B) {
	key := benchKey(b)
	hashed := sha256.Sum256([]byte("(request-target): post /users/bob/inbox\nhost: cork.test"))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, hashed[:])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA256, hashed[:], sig); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

func benchKey(b *testing.B) *rsa.PrivateKey {
	b.Helper()
	key, err := signature.GenerateKey()
	if err != nil {
		b.Fatal(err)
	}
	return key
}

// mastodonCreate is a Create(Note) shaped like Mastodon's, about 3.5 KB.
func mastodonCreate() []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context":["https://www.w3.org/ns/activitystreams",{"ostatus":"http://ostatus.org#","atomUri":"ostatus:atomUri",` +
		`"inReplyToAtomUri":"ostatus:inReplyToAtomUri","conversation":"ostatus:conversation","sensitive":"as:sensitive","toot":"http://joinmastodon.org/ns#",` +
		`"votersCount":"toot:votersCount","blurhash":"toot:blurhash","focalPoint":{"@container":"@list","@id":"toot:focalPoint"},"Hashtag":"as:Hashtag"}],` +
		`"id":"` + benchActor + `/statuses/1/activity","type":"Create","actor":"` + benchActor + `","published":"2026-11-26T03:12:02Z",` +
		`"to":["https://www.w3.org/ns/activitystreams#Public"],"cc":["` + benchActor + `/followers"],` +
		`"object":{"id":"` + benchActor + `/statuses/1","type":"Note","summary":null,"inReplyTo":null,"published":"2026-11-26T03:12:02Z",` +
		`"url":"https://remote.test/@alice/1","attributedTo":"` + benchActor + `","to":["https://www.w3.org/ns/activitystreams#Public"],` +
		`"cc":["` + benchActor + `/followers"],"sensitive":false,"atomUri":"` + benchActor + `/statuses/1",` +
		`"conversation":"tag:remote.test,2026-11-26:objectId=1:objectType=Conversation","content":"<p>`)
	for b.Len() < 3000 {
		b.WriteString("A pin about sourdough starters, hydration and patience. ")
	}
	b.WriteString(`</p>","attachment":[{"type":"Document","mediaType":"image/jpeg","url":"https://files.remote.test/a.jpg",` +
		`"name":"A loaf","blurhash":"UBL_:rOpGG-;~WxuM{of%MjuWBj[","focalPoint":[0.0,0.0],"width":1200,"height":900}],` +
		`"tag":[{"type":"Hashtag","href":"https://remote.test/tags/bread","name":"#bread"}],` +
		`"replies":{"id":"` + benchActor + `/statuses/1/replies","type":"Collection"}}}`)
	return b.Bytes()
}

// cpuTime is the process's CPU time: this machine is shared, and CPU per
// operation is steadier than wall-clock rates.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Microsecond)/float64(b.N), "cpu-µs/op")
}
