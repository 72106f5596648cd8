package activitypub_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// seedRemoteFollowers adds n remote followers of accountID spread evenly
// over servers hosts, each host with a shared inbox, in multi-row INSERTs
// (the Service would take minutes).
func (o *outbound) seedRemoteFollowers(n, servers int, accountID int64) {
	o.t.Helper()
	g, now := o.db.Gorm(), time.Now().UTC()
	for start := 0; start < n; start += 500 {
		var rows []string
		var args []any
		for i := start; i < min(start+500, n); i++ {
			host := fmt.Sprintf("srv%d.example", i%servers)
			name := fmt.Sprintf("f%d", i)
			rows = append(rows, "(?, ?, '', '', '', '', '', false, true, false, '', ?, ?, ?, ?, ?)")
			args = append(args, name, host, now, now, "https://"+host+"/users/"+name,
				"https://"+host+"/users/"+name+"/inbox", "https://"+host+"/inbox")
		}
		err := g.Exec(`INSERT INTO accounts (username, domain, display_name, bio, email, password_hash, avatar_key,
			is_admin, approved, disabled, signup_note, created_at, updated_at, iri, inbox_url, shared_inbox_url)
			VALUES `+strings.Join(rows, ","), args...).Error
		if err != nil {
			o.t.Fatal(err)
		}
	}
	err := g.Exec(`INSERT INTO follows (follower_id, target_account_id, pending, created_at)
		SELECT id, ?, false, ? FROM accounts WHERE domain LIKE 'srv%.example'`, accountID, now).Error
	if err != nil {
		o.t.Fatal(err)
	}
}

// TestFanOutToTenThousandFollowers: a pin by a person with 10 000 remote
// followers on 500 servers is 500 deliveries, one per shared inbox.
func TestFanOutToTenThousandFollowers(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			o := newOutbound(t, kind, activitypub.DeliveryOptions{})
			o.seedRemoteFollowers(10000, 500, o.alice.ID)
			p := o.pin(o.board, "Lemon tart")
			start := time.Now()
			o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
			elapsed := time.Since(start)
			ds := o.deliveries()
			inboxes := map[string]bool{}
			for _, d := range ds {
				inboxes[d.Inbox] = true
			}
			if len(ds) != 500 || len(inboxes) != 500 {
				t.Fatalf("%d deliveries to %d inboxes, want 500 to 500", len(ds), len(inboxes))
			}
			t.Logf("%s: fan-out to 10 000 followers on 500 servers enqueued 500 deliveries in %s", kind, elapsed)
		})
	}
}

// BenchmarkDeliverySigning compares, in one run and with as many
// goroutines as cores, the signatures per second of the delivery path
// (request built, key from the cache, draft-cavage signature with
// digest) with raw RSA-2048 PKCS#1 v1.5 signing of a SHA-256 digest, and
// the POSTs per second to a no-op receiver: b.N of each.
//
//	go test ./activitypub -run '^$' -bench DeliverySigning -benchtime 2000x
func BenchmarkDeliverySigning(b *testing.B) {
	o := newOutbound(b, "sqlite", activitypub.DeliveryOptions{})
	o.seedRemoteFollowers(10000, 500, o.alice.ID)
	p := o.pin(o.board, "Lemon tart")
	o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
	jobs := o.deliveries()
	if len(jobs) != 500 {
		b.Fatalf("%d deliveries, want 500", len(jobs))
	}
	if _, err := o.fed.SignDelivery(o.ctx, jobs[0].DeliverArgs); err != nil { // key generated and cached
		b.Fatal(err)
	}
	raw, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		b.Fatal(err)
	}
	digest := sha256.Sum256(jobs[0].Body)
	workers := runtime.NumCPU()

	b.ResetTimer()
	// Interleaved rounds, so that any other load on the machine weighs
	// on both measurements alike.
	var rawTime, workerTime time.Duration
	for round := range 10 {
		n := b.N / 10
		if round == 9 {
			n = b.N - 9*(b.N/10)
		}
		rawTime += parallelTime(b, workers, n, func(int) error {
			_, err := rsa.SignPKCS1v15(nil, raw, crypto.SHA256, digest[:])
			return err
		})
		workerTime += parallelTime(b, workers, n, func(i int) error {
			_, err := o.fed.SignDelivery(o.ctx, jobs[i%len(jobs)].DeliverArgs)
			return err
		})
	}
	rawRate, workerRate := float64(b.N)/rawTime.Seconds(), float64(b.N)/workerTime.Seconds()
	noop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusAccepted) }))
	defer noop.Close()
	postRate := float64(b.N) / parallelTime(b, workers, b.N, func(i int) error {
		a := jobs[i%len(jobs)].DeliverArgs
		a.Inbox = noop.URL + "/inbox"
		_, _, err := o.fed.PostDelivery(o.ctx, a)
		return err
	}).Seconds()
	b.StopTimer()
	b.ReportMetric(rawRate, "raw-sig/s")
	b.ReportMetric(workerRate, "worker-sig/s")
	b.ReportMetric(workerRate/rawRate, "ratio")
	b.ReportMetric(postRate, "post/s")
}

// parallelTime runs fn n times over the given number of goroutines and
// returns the time it took.
func parallelTime(b *testing.B, goroutines, n int, fn func(i int) error) time.Duration {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1); i <= int64(n); i = next.Add(1) {
				if err := fn(int(i)); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}
