package activitypub_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/safehttp"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/storage/storagetest"
	"github.com/labstack/echo/v4"
)

// BenchmarkInboxAccept is issue measurement 5b: accepted activities per
// second end to end, HTTP POST to 202, with the inbox row and its job
// inserted in one transaction, on each database (PostgreSQL when
// CORKBOARD_TEST_DATABASE_URL is set). Requests are signed before the
// timer starts (signing is the sender's cost), so give a fixed count:
//
//	go test -run '^$' -bench InboxAccept -benchtime 3000x ./activitypub/
func BenchmarkInboxAccept(b *testing.B) {
	const actor = "https://remote.test/users/alice"
	key := stubKey()
	pemKey, err := signature.EncodePublicKeyPEM(&key.PublicKey)
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range storagetest.Kinds(b) {
		db := storagetest.Open(b, kind)
		srv := httptest.NewServer(nil)
		b.Cleanup(srv.Close)
		svc := corkboard.NewService(db, nil, nil, corkboard.ServiceOptions{BaseURL: srv.URL, NormalizeHost: activitypub.NormalizeHost})
		fed, err := activitypub.New(activitypub.Deps{Service: svc, Store: db, BaseURL: srv.URL,
			Client: safehttp.New(safehttp.Config{}), Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		e := echo.New()
		fed.Register(e)
		srv.Config.Handler = e
		// The sender's key is known already, as for any active peer.
		now := time.Now()
		if err := db.SaveKey(context.Background(), &corkboard.ActorKey{KeyID: actor + "#main-key", OwnerIRI: actor,
			PublicKeyPEM: pemKey, FetchedAt: now, CreatedAt: now}); err != nil {
			b.Fatal(err)
		}
		b.Run(kind, func(b *testing.B) {
			reqs := signedCreates(b, srv.URL+"/inbox", actor, b.N)
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			var next atomic.Int64
			b.SetParallelism(benchSenders) // senders per core: commits wait on I/O
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					r := reqs[next.Add(1)-1]
					resp, err := client.Do(r)
					if err != nil {
						b.Error(err)
						return
					}
					resp.Body.Close()
					if resp.StatusCode != http.StatusAccepted {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "activities/s")
		})
	}
}

// signedCreates returns n signed POSTs of distinct Create(Note)
// activities of about 3.5 KB.
func signedCreates(b *testing.B, inbox, actor string, n int) []*http.Request {
	b.Helper()
	signer, err := signature.NewSigner(actor+"#main-key", stubKey(), time.Now)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("A pin about sourdough starters, hydration and patience. ", 56)
	reqs := make([]*http.Request, n)
	for i := range reqs {
		id := fmt.Sprintf("%s/statuses/%d-%d", actor, time.Now().UnixNano(), i)
		body := []byte(`{"@context":"https://www.w3.org/ns/activitystreams","id":"` + id + `/activity","type":"Create","actor":"` + actor +
			`","to":["https://www.w3.org/ns/activitystreams#Public"],"object":{"id":"` + id + `","type":"Note","attributedTo":"` + actor +
			`","content":"<p>` + text + `</p>","to":["https://www.w3.org/ns/activitystreams#Public"]}}`)
		r, err := http.NewRequest(http.MethodPost, inbox, bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		r.Header.Set("Content-Type", "application/activity+json")
		if err := signer.Sign(r, body); err != nil {
			b.Fatal(err)
		}
		reqs[i] = r
	}
	return reqs
}

// benchSenders is the parallelism of BenchmarkInboxAccept.
const benchSenders = 8
