package activitypub_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
	"github.com/riverqueue/river/rivertype"
)

// fastDelivery shortens every delay so that outages and recoveries take
// a second or two.
var fastDelivery = activitypub.DeliveryOptions{
	RetryBase: 50 * time.Millisecond, RetryCap: 200 * time.Millisecond, PollInterval: 50 * time.Millisecond,
	UnavailableFailures: 3, ProbeInterval: 300 * time.Millisecond,
}

// peer is a remote server: it checks the signature of every delivery
// against the key the sender publishes (fetched over HTTP, as any server
// would) and answers with the status the test sets; 0 drops the
// connection.
type peer struct {
	t        testing.TB
	srv      *httptest.Server
	host     string
	verifier *signature.Verifier
	mu       sync.Mutex
	status   int
	posts    int
	badSigs  int
	received map[string]int // accepted activity ids
}

func newPeer(t testing.TB, status int) *peer {
	p := &peer{t: t, status: status, received: map[string]int{}, verifier: signature.NewVerifier(nil, signature.VerifierOptions{})}
	p.srv = httptest.NewServer(p)
	t.Cleanup(p.srv.Close)
	p.host = strings.TrimPrefix(p.srv.URL, "http://")
	return p
}

func (p *peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	res, err := p.verifier.Verify(r, body, p)
	var a struct{ ID, Actor string }
	_ = json.Unmarshal(body, &a)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.posts++
	switch {
	case err != nil || res.Owner != a.Actor || r.Header.Get("Content-Type") != "application/activity+json":
		p.badSigs++
		p.t.Errorf("bad delivery: %v (signer %v, actor %s, type %s)", err, res, a.Actor, r.Header.Get("Content-Type"))
		w.WriteHeader(http.StatusUnauthorized)
	case p.status == 0:
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	default:
		if p.status < 300 {
			p.received[a.ID]++
		}
		if p.status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		w.WriteHeader(p.status)
	}
}

// ResolveKey fetches the sender's actor document for its key.
func (p *peer) ResolveKey(ctx context.Context, keyID string, _ bool) (*signature.PublicKey, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.Split(keyID, "#")[0], nil)
	req.Header.Set("Accept", "application/activity+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	actor, err := vocab.DecodeActor(body)
	if err != nil {
		return nil, err
	}
	k, ok := actor.Key(keyID)
	if !ok {
		return nil, fmt.Errorf("%s publishes no key %s", actor.ID, keyID)
	}
	key, err := signature.ParsePublicKeyPEM(k.PublicKeyPem)
	if err != nil {
		return nil, err
	}
	return &signature.PublicKey{ID: k.ID, Owner: k.Owner, Key: key}, nil
}

func (p *peer) set(status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.status = status
}

func (p *peer) counts() (posts, accepted int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.posts, len(p.received)
}

// publish makes a pin of alice's and federates it as CreatePin would.
func (o *outbound) publish(title string) *corkboard.Pin {
	p := o.pin(o.board, title)
	o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
	return p
}

func (o *outbound) jobStates() map[string]int {
	states := map[string]int{}
	for _, d := range o.deliveries() {
		states[d.State]++
	}
	return states
}

// TestDeliveryIsSignedAndVerifies: a follower's server receives the
// Create, signed with the key alice publishes; the job completes.
func TestDeliveryIsSignedAndVerifies(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			o, peer := newOutbound(t, kind, fastDelivery), newPeer(t, http.StatusAccepted)
			o.follow(o.remoteAccount("bob", peer.host, true), o.alice.ID, 0)
			o.startWorkers()
			p := o.publish("Lemon tart")
			servertest.Eventually(t, 10*time.Second, "the Create to arrive", func() bool {
				_, n := peer.counts()
				return n == 1 && o.jobStates()["completed"] == 1
			})
			if peer.received[o.url+"/pins/"+itoa(p.ID)+"#create"] != 1 {
				t.Fatalf("received %v", peer.received)
			}
			h, err := o.db.HostHealth(o.ctx, peer.host)
			if err != nil || h.LastSuccessAt.IsZero() || h.Failures != 0 {
				t.Fatalf("host health after a success: %+v, %v", h, err)
			}
		})
	}
}

// TestDeliveryOutcomes: 410 ends the job at once; 503 is retried until
// the server answers; 429 waits as long as Retry-After asks, without
// using up an attempt.
func TestDeliveryOutcomes(t *testing.T) {
	o := newOutbound(t, "sqlite", fastDelivery)
	gone, flaky, limited := newPeer(t, http.StatusGone), newPeer(t, http.StatusServiceUnavailable), newPeer(t, http.StatusTooManyRequests)
	o.follow(o.remoteAccount("bob", gone.host, false), o.alice.ID, 0)
	o.follow(o.remoteAccount("carol", flaky.host, false), o.alice.ID, 0)
	o.follow(o.remoteAccount("dave", limited.host, false), o.alice.ID, 0)
	o.startWorkers()
	o.publish("Lemon tart")
	servertest.Eventually(t, 10*time.Second, "the rate-limited server to be asked", func() bool {
		n, _ := limited.counts()
		return n >= 1
	})
	limited.set(http.StatusAccepted)
	servertest.Eventually(t, 10*time.Second, "two failed attempts at the flaky server", func() bool {
		n, _ := flaky.counts()
		return n >= 2
	})
	flaky.set(http.StatusAccepted)
	servertest.Eventually(t, 10*time.Second, "the flaky server to receive it", func() bool {
		_, n := flaky.counts()
		return n == 1
	})
	time.Sleep(300 * time.Millisecond) // time enough for a wrong retry of the 410
	byInbox := map[string]delivery{}
	for _, d := range o.deliveries() {
		byInbox[d.Inbox] = d
	}
	if d := byInbox["http://"+gone.host+"/users/bob/inbox"]; d.State != "cancelled" || d.Attempt != 1 {
		t.Errorf("after 410: job %s after %d attempts, want cancelled after 1", d.State, d.Attempt)
	}
	if posts, _ := gone.counts(); posts != 1 {
		t.Errorf("the 410 server got %d requests, want 1", posts)
	}
	// River marks a job completed a moment after its work returns (its
	// completer batches): the delivery has arrived, its state may lag.
	flakyInbox := "http://" + flaky.host + "/users/carol/inbox"
	var flakyJob delivery
	servertest.Eventually(t, 10*time.Second, "the flaky server's job to complete", func() bool {
		for _, d := range o.deliveries() {
			if d.Inbox == flakyInbox {
				flakyJob = d
			}
		}
		return flakyJob.State == "completed"
	})
	if flakyJob.Attempt < 3 {
		t.Errorf("after 503s: job completed after %d attempts, want 3 or more", flakyJob.Attempt)
	}
	servertest.Eventually(t, 10*time.Second, "the rate-limited server to receive it", func() bool {
		_, n := limited.counts()
		return n == 1
	})
	if posts, _ := limited.counts(); posts != 2 {
		t.Errorf("the rate-limited server was asked %d times, want 2 (once, then after Retry-After)", posts)
	}
}

// TestPeerDownThenBack: a server that is down stops being tried once it
// is marked unavailable (one probe per interval gets through); when it
// comes back, the probe succeeds and it receives everything sent
// meanwhile.
func TestPeerDownThenBack(t *testing.T) {
	o, peer := newOutbound(t, "sqlite", fastDelivery), newPeer(t, 0)
	o.follow(o.remoteAccount("bob", peer.host, true), o.alice.ID, 0)
	o.startWorkers()
	o.publish("first")
	servertest.Eventually(t, 10*time.Second, "the host to be marked unavailable", func() bool {
		h, err := o.db.HostHealth(o.ctx, peer.host)
		return err == nil && !h.UnavailableSince.IsZero()
	})
	for i := range 5 {
		o.publish(fmt.Sprintf("while down %d", i))
	}
	start, _ := peer.counts()
	time.Sleep(time.Second)
	if end, _ := peer.counts(); end-start > 5 {
		t.Errorf("%d requests in a second to an unavailable host; want only probes (about 3)", end-start)
	}
	peer.set(http.StatusAccepted)
	servertest.Eventually(t, 10*time.Second, "every pin to arrive", func() bool {
		_, n := peer.counts()
		return n == 6
	})
	servertest.Eventually(t, 5*time.Second, "the host to be available again", func() bool {
		h, err := o.db.HostHealth(o.ctx, peer.host)
		return err == nil && h.UnavailableSince.IsZero() && h.Failures == 0
	})
}

// TestRetrySchedule: the 15 retries of a delivery span about two days
// (48.5 h ±10% jitter), growing from 30 s and capped at 8 h.
func TestRetrySchedule(t *testing.T) {
	o := newOutbound(t, "sqlite", activitypub.DeliveryOptions{})
	policy := o.fed.QueueConfig().RetryPolicy
	var total time.Duration
	for failures := range 15 {
		start := time.Now()
		delay := policy.NextRetry(&rivertype.JobRow{Errors: make([]rivertype.AttemptError, failures)}).Sub(start)
		if failures == 0 && (delay < 27*time.Second || delay > 34*time.Second) {
			t.Errorf("first retry after %s, want about 30 s", delay)
		}
		if delay > 8*time.Hour*11/10 {
			t.Errorf("retry %d after %s, over the 8 h cap", failures+1, delay)
		}
		total += delay
	}
	if want := 48*time.Hour + 30*time.Minute; total < want*9/10 || total > want*11/10 {
		t.Errorf("15 retries span %s, want about %s", total, want)
	}
}

// TestDeliveryToSuspendedDomainEnds: a domain suspended after the job was
// enqueued receives nothing; the job ends.
func TestDeliveryToSuspendedDomainEnds(t *testing.T) {
	o, peer := newOutbound(t, "sqlite", fastDelivery), newPeer(t, http.StatusAccepted)
	o.follow(o.remoteAccount("bob", peer.host, true), o.alice.ID, 0)
	o.publish("Lemon tart")
	block := &corkboard.DomainBlock{Domain: "127.0.0.1", Severity: corkboard.SeveritySuspend, CreatedAt: time.Now()}
	if err := o.db.SaveDomainBlock(o.ctx, block); err != nil {
		t.Fatal(err)
	}
	o.startWorkers()
	servertest.Eventually(t, 10*time.Second, "the job to be cancelled", func() bool { return o.jobStates()["cancelled"] == 1 })
	if posts, _ := peer.counts(); posts != 0 {
		t.Fatalf("the suspended server got %d requests", posts)
	}
}
