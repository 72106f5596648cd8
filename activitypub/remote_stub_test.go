package activitypub_test

import (
	"bytes"
	"crypto/rsa"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard/activitypub/signature"
)

// remoteStub is another server, as far as an instance can tell: it serves
// actor and object documents, images and WebFinger over real HTTP on a
// loopback address of its own, records what it is sent, and signs the
// requests a test sends as one of its actors.
type remoteStub struct {
	t    testing.TB
	URL  string // http://127.0.0.x:port
	Host string
	key  *rsa.PrivateKey

	mu       sync.Mutex
	docs     map[string][]byte           // path -> ActivityStreams document
	handlers map[string]http.HandlerFunc // path -> custom answer
	posts    []stubPost
	gets     int
}

// stubPost is a request the stub received.
type stubPost struct {
	Path string
	Body []byte
}

// stubKey is shared by every stub actor: generating RSA keys is slow, and
// the tests tell actors apart by key id, which is what signatures name.
var stubKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := signature.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
})

// newRemoteStub starts a stub on ip (e.g. "127.0.0.200"), port chosen by
// the system.
func newRemoteStub(t testing.TB, ip string) *remoteStub {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Fatalf("stub: listen on %s: %v", ip, err)
	}
	s := &remoteStub{t: t, key: stubKey(), docs: map[string][]byte{}, handlers: map[string]http.HandlerFunc{}}
	srv := httptest.NewUnstartedServer(s)
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	s.Host = ln.Addr().String()
	s.URL = "http://" + s.Host
	return s
}

func (s *remoteStub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	h, doc := s.handlers[r.URL.Path], s.docs[r.URL.Path]
	if r.Method == http.MethodGet {
		s.gets++
	}
	s.mu.Unlock()
	switch {
	case h != nil:
		h(w, r)
	case r.Method == http.MethodPost:
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.posts = append(s.posts, stubPost{Path: r.URL.Path, Body: body})
		s.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	case doc != nil:
		w.Header().Set("Content-Type", "application/activity+json")
		_, _ = w.Write(doc)
	case r.URL.Path == "/.well-known/webfinger":
		s.webfinger(w, r)
	case isImagePath(r.URL.Path):
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(testPNG())
	case strings.HasPrefix(r.URL.Path, "/users/") || strings.HasPrefix(r.URL.Path, "/u/"):
		// Any other actor path: a minimal person, as a server we have no
		// capture of would serve.
		name := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
		w.Header().Set("Content-Type", "application/activity+json")
		_, _ = w.Write(s.personJSON(r.URL.Path, name, name))
	default:
		http.NotFound(w, r)
	}
}

// webfinger answers acct:name@host with /users/name.
func (s *remoteStub) webfinger(w http.ResponseWriter, r *http.Request) {
	res := strings.TrimPrefix(r.URL.Query().Get("resource"), "acct:")
	name, host, _ := strings.Cut(res, "@")
	if host != s.Host {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/jrd+json")
	_ = json.NewEncoder(w).Encode(map[string]any{"subject": "acct:" + res, "links": []map[string]string{
		{"rel": "self", "type": "application/activity+json", "href": s.URL + "/users/" + name}}})
}

// person registers a Person at /users/name and returns its IRI.
func (s *remoteStub) person(name, displayName string) string {
	path := "/users/" + name
	s.serve(path, s.personJSON(path, name, displayName))
	return s.URL + path
}

// personJSON is a Person document with the stub's key.
func (s *remoteStub) personJSON(path, name, displayName string) []byte {
	id, pemKey := s.URL+path, s.personKeyPEM()
	return mustJSON(s.t, map[string]any{
		"@context": []string{"https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"},
		"id":       id, "type": "Person", "preferredUsername": name, "name": displayName,
		"inbox": id + "/inbox", "outbox": id + "/outbox", "followers": id + "/followers",
		"endpoints": map[string]string{"sharedInbox": s.URL + "/inbox"},
		"publicKey": map[string]string{"id": id + "#main-key", "owner": id, "publicKeyPem": pemKey},
	})
}

// serve registers a document at path.
func (s *remoteStub) serve(path string, doc []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = doc
}

// handle registers a custom answer at path.
func (s *remoteStub) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

// received returns the POSTs the stub got.
func (s *remoteStub) received() []stubPost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]stubPost(nil), s.posts...)
}

// getCount returns how many GETs the stub answered.
func (s *remoteStub) getCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gets
}

// signedPost builds a POST of body to target, signed by keyID with the
// stub's key at the given time.
func (s *remoteStub) signedPost(target, keyID string, body []byte, at time.Time) *http.Request {
	s.t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/activity+json")
	signer, err := signature.NewSigner(keyID, s.key, func() time.Time { return at })
	if err != nil {
		s.t.Fatal(err)
	}
	if err := signer.Sign(req, body); err != nil {
		s.t.Fatal(err)
	}
	return req
}

func isImagePath(p string) bool {
	return strings.Contains(p, "/fileserver/") || strings.Contains(p, "/media/") || strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".jpg")
}

// testPNG is a 320x240 gradient: big enough for thumbnails, small to send.
var testPNG = sync.OnceValue(func() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	for y := 0; y < 240; y++ {
		for x := 0; x < 320; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
})

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// personKeyPEM is the stub's public key, as actors publish it.
func (s *remoteStub) personKeyPEM() string {
	pemKey, err := signature.EncodePublicKeyPEM(&s.key.PublicKey)
	if err != nil {
		s.t.Fatal(err)
	}
	return pemKey
}
