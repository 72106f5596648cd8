package activitypub_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// nodeInfoServer publishes NodeInfo documents on a stub and counts the
// requests for them.
type nodeInfoServer struct {
	mu     sync.Mutex
	docs   map[string][]byte // path -> body; a path without one answers 404
	hits   map[string]int
	status int // when set, every NodeInfo request answers it
}

// serveNodeInfo answers /.well-known/nodeinfo and each of docs' paths on
// s (404 for the well-known path when docs lacks it).
func serveNodeInfo(s *remoteStub, docs map[string][]byte) *nodeInfoServer {
	n := &nodeInfoServer{docs: docs, hits: map[string]int{}}
	s.handle("/.well-known/nodeinfo", n.serve)
	for p := range docs {
		s.handle(p, n.serve)
	}
	return n
}

func (n *nodeInfoServer) serve(w http.ResponseWriter, r *http.Request) {
	n.mu.Lock()
	n.hits[r.URL.Path]++
	doc, status := n.docs[r.URL.Path], n.status
	n.mu.Unlock()
	switch {
	case status != 0:
		w.WriteHeader(status)
	case doc == nil:
		http.NotFound(w, r)
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(doc)
	}
}

func (n *nodeInfoServer) hitsOf(path string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.hits[path]
}

func (n *nodeInfoServer) fail(status int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.status = status
}

// nodeInfoFixture reads testdata/nodeinfo/name with its host replaced by
// s's address.
func nodeInfoFixture(t testing.TB, s *remoteStub, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "nodeinfo", name))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.NewReplacer("http://gts.test", s.URL, "http://pixelfed.test", s.URL).Replace(string(data))
	return []byte(doc)
}

// TestNodeInfoRecording: resolving a person records what their host runs
// (NodeInfo 2.1 preferred, 2.0 else); a host whose NodeInfo is missing,
// empty, oversized or elsewhere is recorded as checked with no software;
// either way the host is not asked again within a day, and after that a
// failed check keeps what was known.
func TestNodeInfoRecording(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testNodeInfoRecording(t, kind) })
	}
}

func testNodeInfoRecording(t *testing.T, kind string) {
	ctx := context.Background()
	in := servertest.NewNetwork(t).Add("local", servertest.Options{Kind: kind})
	fed, store := in.Server.Federation(), in.Server.Store()
	elsewhere := newRemoteStub(t, "127.0.0.221")
	elsewhereNI := serveNodeInfo(elsewhere, map[string][]byte{"/api/nodeinfo/2.0.json": nodeInfoFixture(t, elsewhere, "pixelfed-2.0.json")})
	cases := []struct {
		name        string
		docs        func(s *remoteStub) map[string][]byte
		wantName    string
		wantVersion string
	}{
		{"GoToSocial links 2.0 and 2.1: 2.1 is read", func(s *remoteStub) map[string][]byte {
			v21 := nodeInfoFixture(t, s, "gotosocial-2.1.json")
			return map[string][]byte{
				"/.well-known/nodeinfo": nodeInfoFixture(t, s, "gotosocial-wellknown.json"),
				"/nodeinfo/2.1":         v21,
				"/nodeinfo/2.0":         []byte(strings.Replace(string(v21), "0.20.0-dev-57cb4fe", "read-the-2.0-one", 1)),
			}
		}, "gotosocial", "0.20.0-dev-57cb4fe"},
		{"Pixelfed links 2.0 only", func(s *remoteStub) map[string][]byte {
			return map[string][]byte{
				"/.well-known/nodeinfo":  nodeInfoFixture(t, s, "pixelfed-wellknown.json"),
				"/api/nodeinfo/2.0.json": nodeInfoFixture(t, s, "pixelfed-2.0.json"),
			}
		}, "pixelfed", "0.12.5"},
		{"Fedify peer with empty links", func(s *remoteStub) map[string][]byte {
			return map[string][]byte{"/.well-known/nodeinfo": nodeInfoFixture(t, s, "fedify-wellknown.json")}
		}, "", ""},
		{"no NodeInfo at all", func(*remoteStub) map[string][]byte { return nil }, "", ""},
		{"document over 64 KiB", func(s *remoteStub) map[string][]byte {
			big := `{"version":"2.0","software":{"name":"pixelfed","version":"1"},"metadata":{"pad":"` + strings.Repeat("x", 70<<10) + `"}}`
			return map[string][]byte{
				"/.well-known/nodeinfo":  nodeInfoFixture(t, s, "pixelfed-wellknown.json"),
				"/api/nodeinfo/2.0.json": []byte(big),
			}
		}, "", ""},
		{"link to another host", func(*remoteStub) map[string][]byte {
			return map[string][]byte{"/.well-known/nodeinfo": nodeInfoFixture(t, elsewhere, "pixelfed-wellknown.json")}
		}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newRemoteStub(t, "127.0.0.220")
			ni := serveNodeInfo(s, c.docs(s))
			before := in.Clock.Now()
			if _, err := fed.ResolveAccount(ctx, s.URL+"/users/p1"); err != nil {
				t.Fatal(err)
			}
			got, err := store.HostSoftware(ctx, s.Host)
			if err != nil || got.CheckedAt.Before(before) || got.Name != c.wantName || got.Version != c.wantVersion {
				t.Fatalf("software of the host = %+v, %v; want %q %q checked now", got, err, c.wantName, c.wantVersion)
			}
			if n := ni.hitsOf("/nodeinfo/2.0"); n != 0 {
				t.Errorf("the 2.0 document was read %d times beside 2.1", n)
			}
			// Another person there, within the day: the host is not asked.
			if _, err := fed.ResolveAccount(ctx, s.URL+"/users/p2"); err != nil {
				t.Fatal(err)
			}
			if n := ni.hitsOf("/.well-known/nodeinfo"); n != 1 {
				t.Errorf("/.well-known/nodeinfo asked %d times; want once", n)
			}
		})
	}
	if n := elsewhereNI.hitsOf("/api/nodeinfo/2.0.json"); n != 0 {
		t.Errorf("a host named by another's NodeInfo links was asked %d times", n)
	}

	t.Run("a day later, a failed check keeps what was known", func(t *testing.T) {
		s := newRemoteStub(t, "127.0.0.222")
		ni := serveNodeInfo(s, map[string][]byte{
			"/.well-known/nodeinfo":  nodeInfoFixture(t, s, "pixelfed-wellknown.json"),
			"/api/nodeinfo/2.0.json": nodeInfoFixture(t, s, "pixelfed-2.0.json"),
		})
		if _, err := fed.ResolveAccount(ctx, s.URL+"/users/p1"); err != nil {
			t.Fatal(err)
		}
		in.Clock.Advance(25 * time.Hour)
		defer in.Clock.Advance(-25 * time.Hour)
		ni.fail(http.StatusBadGateway)
		later := in.Clock.Now()
		if _, err := fed.ResolveAccount(ctx, s.URL+"/users/p3"); err != nil {
			t.Fatal(err)
		}
		got, err := store.HostSoftware(ctx, s.Host)
		if n := ni.hitsOf("/.well-known/nodeinfo"); n != 2 {
			t.Errorf("/.well-known/nodeinfo asked %d times; want twice (again after a day)", n)
		}
		if err != nil || got.CheckedAt.Before(later) || !got.IsPixelfed() || got.Version != "0.12.5" {
			t.Errorf("software after a failed recheck = %+v, %v; want pixelfed 0.12.5, checked now", got, err)
		}
	})
}

// TestNodeInfoNeverDelaysAnInbox: a signed POST from an actor never seen
// is answered at once although its server's NodeInfo would hang for the
// whole check timeout: the key lookup stores the actor without checking
// its software.
func TestNodeInfoNeverDelaysAnInbox(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{})
	s := newRemoteStub(t, "127.0.0.223")
	release := make(chan struct{})
	defer close(release)
	s.handle("/.well-known/nodeinfo", func(rw http.ResponseWriter, r *http.Request) {
		select { // a server that takes its time
		case <-release:
		case <-r.Context().Done():
		}
		http.NotFound(rw, r)
	})
	newcomer := s.person("newcomer", "Newcomer")
	like := mustJSON(t, map[string]any{"id": s.URL + "/likes/1", "type": "Like", "actor": newcomer, "object": w.fedPinIRI(w.pin.ID)})
	start := time.Now()
	status, err := send(s.signedPost(w.in.URL+"/inbox", newcomer+"#main-key", like, time.Now()))
	if err != nil || status != http.StatusAccepted {
		t.Fatalf("inbox answered %d, %v; want 202", status, err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the inbox took %s", took)
	}
}
