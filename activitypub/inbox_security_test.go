package activitypub_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/go-fed/httpsig"
)

// TestInboxRefusesBadDeliveries sends forged, replayed and malformed
// deliveries to a real instance's inbox over HTTP. Each must be refused
// with the right status and leave nothing behind: no inbox row, no like.
// A properly signed delivery of the same kind then succeeds, so that the
// refusals are not an artefact of a broken setup.
func TestInboxRefusesBadDeliveries(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example")
	stub := w.stubs["remote.example"]
	bob, mallory := stub.person("bob", "Bob"), stub.person("mallory", "Mallory")
	inbox := w.in.URL + "/users/carol/inbox"
	pinIRI := w.fedPinIRI(w.pin.ID)
	like := func(actor, id string) []byte {
		return mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams", "id": stub.URL + "/likes/" + id,
			"type": "Like", "actor": actor, "object": pinIRI})
	}
	now := time.Now()
	var bytesSent atomic.Int64
	tests := []struct {
		name string
		id   string // the Like's id suffix, for the "nothing stored" check
		req  func(id string) *http.Request
		want int
	}{
		{"unsigned", "unsigned", func(id string) *http.Request {
			r, _ := http.NewRequest(http.MethodPost, inbox, bytes.NewReader(like(bob, id)))
			r.Header.Set("Content-Type", "application/activity+json")
			return r
		}, http.StatusUnauthorized},
		{"digest not among the signed headers", "nodigest", func(id string) *http.Request {
			return signWithout(t, stub, inbox, bob+"#main-key", like(bob, id), now)
		}, http.StatusUnauthorized},
		{"body changed after signing", "changed", func(id string) *http.Request {
			r := stub.signedPost(inbox, bob+"#main-key", like(bob, id), now)
			// Same length, one byte changed: only the digest can tell.
			tampered := bytes.Replace(like(bob, id), []byte("activitystreams"), []byte("activitystreamz"), 1)
			r.Body = io.NopCloser(bytes.NewReader(tampered))
			r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(tampered)), nil }
			return r
		}, http.StatusUnauthorized},
		{"replayed on another path", "replayed", func(id string) *http.Request {
			r := stub.signedPost(inbox, bob+"#main-key", like(bob, id), now)
			shared := stub.signedPost(w.in.URL+"/inbox", bob+"#main-key", like(bob, id), now)
			shared.Header = r.Header // the signature made for carol's inbox
			return shared
		}, http.StatusUnauthorized},
		{"Date two hours off", "late", func(id string) *http.Request {
			return stub.signedPost(inbox, bob+"#main-key", like(bob, id), now.Add(-2*time.Hour))
		}, http.StatusUnauthorized},
		{"signed by another actor", "impostor", func(id string) *http.Request {
			return stub.signedPost(inbox, mallory+"#main-key", like(bob, id), now)
		}, http.StatusForbidden},
		{"RFC 9421 signature only", "rfc9421", func(id string) *http.Request {
			body := like(bob, id)
			r, _ := http.NewRequest(http.MethodPost, inbox, bytes.NewReader(body))
			sum := sha256.Sum256(body)
			r.Header.Set("Content-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum[:])+":")
			r.Header.Set("Signature-Input", `sig1=("@method" "@target-uri" "content-digest");created=`+
				`1764126722;keyid="`+bob+`#main-key";alg="rsa-v1_5-sha256"`)
			r.Header.Set("Signature", "sig1=:"+base64.StdEncoding.EncodeToString(make([]byte, 256))+":")
			return r
		}, http.StatusUnauthorized},
		{"20 MB body", "", func(string) *http.Request {
			r, _ := http.NewRequest(http.MethodPost, inbox, &countingReader{n: 20 << 20, read: &bytesSent})
			r.ContentLength = -1 // chunked: the server cannot refuse on the declared length
			return r
		}, http.StatusRequestEntityTooLarge},
		{"20 MB declared", "", func(string) *http.Request {
			r, _ := http.NewRequest(http.MethodPost, inbox, &countingReader{n: 20 << 20, read: &bytesSent})
			r.ContentLength = 20 << 20
			return r
		}, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bytesSent.Store(0)
			status, err := send(tt.req(tt.id))
			if err != nil && tt.want != http.StatusRequestEntityTooLarge {
				t.Fatal(err)
			}
			if err == nil && status != tt.want {
				t.Errorf("status %d, want %d", status, tt.want)
			}
			// The server stops reading at 1 MiB; what the client got to
			// write beyond that sits in loopback socket buffers.
			if n := bytesSent.Load(); n > 10<<20 {
				t.Errorf("the client sent %d bytes of a refused body", n)
			}
			if tt.id != "" {
				w.noInboxRow(stub.URL + "/likes/" + tt.id)
			}
			if got := w.pinNow().LikeCount; got != 0 {
				t.Errorf("like count = %d after a refused delivery", got)
			}
		})
	}
	t.Run("properly signed", func(t *testing.T) {
		if status, err := send(stub.signedPost(inbox, bob+"#main-key", like(bob, "good"), time.Now())); err != nil || status != http.StatusAccepted {
			t.Fatalf("status %d, %v", status, err)
		}
		w.eventually("the like to count", func() bool { return w.pinNow().LikeCount == 1 })
	})
}

// signWithout signs a POST over (request-target) host date only: a
// signature that does not cover the body.
func signWithout(t *testing.T, s *remoteStub, target, keyID string, body []byte, at time.Time) *http.Request {
	t.Helper()
	r, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	r.Header.Set("Date", at.UTC().Format(http.TimeFormat))
	sum := sha256.Sum256(body)
	r.Header.Set("Digest", "SHA-256="+base64.StdEncoding.EncodeToString(sum[:]))
	signer, _, err := httpsig.NewSigner([]httpsig.Algorithm{httpsig.RSA_SHA256}, httpsig.DigestSha256,
		[]string{httpsig.RequestTarget, "host", "date"}, httpsig.Signature, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Host", r.URL.Host)
	if err := signer.SignRequest(s.key, keyID, r, nil); err != nil {
		t.Fatal(err)
	}
	r.Header.Del("Host")
	return r
}

// send sends a request and returns the status.
func send(r *http.Request) (int, error) {
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// countingReader yields n bytes of a JSON-ish body and counts what was
// read from it.
type countingReader struct {
	n    int64
	read *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), c.n)
	copy(p, bytes.Repeat([]byte{' '}, int(k)))
	c.n -= k
	c.read.Add(k)
	return int(k), nil
}

// noInboxRow asserts that no activity was stored under id.
func (w *inboundWorld) noInboxRow(id string) {
	w.t.Helper()
	if a, err := w.store.InboxActivityByIRI(w.ctx, id); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		w.t.Errorf("activity %s was stored (%+v, %v)", id, a, err)
	}
}

// processed waits until the inbox worker has processed the activity id
// and returns it.
func (w *inboundWorld) processed(id string) *corkboard.InboxActivity {
	w.t.Helper()
	var a *corkboard.InboxActivity
	w.eventually("activity "+id+" to be processed", func() bool {
		var err error
		a, err = w.store.InboxActivityByIRI(w.ctx, id)
		return err == nil && !a.ProcessedAt.IsZero()
	})
	return a
}

// post sends a signed activity as actor and expects 202.
func (w *inboundWorld) post(stub *remoteStub, actor, inbox string, body []byte) {
	w.t.Helper()
	status, err := send(stub.signedPost(inbox, actor+"#main-key", body, time.Now()))
	if err != nil || status != http.StatusAccepted {
		w.t.Fatalf("delivery by %s: status %d, %v", actor, status, err)
	}
}
