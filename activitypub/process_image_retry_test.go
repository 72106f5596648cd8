package activitypub_test

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestUnreachableImageIsRetried: a remote pin's image is fetched when its
// Create is processed. If the image's server cannot be reached then, or
// answers that it is down, the Create must stay to be retried: its sender
// delivered it successfully and will not send it again (a redelivery
// would be the same id, which we keep once). Refusing it for good lost
// pins whenever their server restarted at the wrong moment.
func TestUnreachableImageIsRetried(t *testing.T) {
	outages := map[string]func(http.ResponseWriter){
		"connection dropped": func(rw http.ResponseWriter) {
			conn, _, _ := rw.(http.Hijacker).Hijack()
			conn.Close()
		},
		"503": func(rw http.ResponseWriter) { rw.WriteHeader(http.StatusServiceUnavailable) },
	}
	for name, fail := range outages {
		t.Run(name, func(t *testing.T) {
			w := newInboundWorld(t, servertest.Options{}, "remote.example")
			stub := w.stubs["remote.example"]
			bob := stub.person("bob", "Bob")
			if _, err := w.svc.FollowRemote(w.ctx, w.carol, bob); err != nil {
				t.Fatal(err)
			}
			w.acceptFollow(w.carol, w.remoteByIRI(bob))
			var down atomic.Bool
			down.Store(true)
			stub.handle("/media/tart.png", func(rw http.ResponseWriter, r *http.Request) {
				if down.Load() {
					fail(rw)
					return
				}
				rw.Header().Set("Content-Type", "image/png")
				_, _ = rw.Write(testPNG())
			})
			note := stub.URL + "/notes/1"
			a := w.storeUnprocessed(mustJSON(t, map[string]any{"id": note + "/activity", "type": "Create", "actor": bob,
				"to": []string{"https://www.w3.org/ns/activitystreams#Public"},
				"object": map[string]any{"id": note, "type": "Note", "attributedTo": bob, "content": "<p>Lemon tart</p>",
					"to":         []string{"https://www.w3.org/ns/activitystreams#Public"},
					"attachment": []map[string]any{{"type": "Image", "mediaType": "image/png", "url": stub.URL + "/media/tart.png"}}}}))

			if err := w.fed.ProcessInboxActivity(w.ctx, a.ID); err == nil {
				t.Fatal("processing succeeded without the image")
			}
			if got, _ := w.store.InboxActivityByID(w.ctx, a.ID); !got.ProcessedAt.IsZero() {
				t.Fatalf("the Create was settled (refused for good: %q) while its image's server was down", got.LastError)
			}
			down.Store(false)
			if err := w.fed.ProcessInboxActivity(w.ctx, a.ID); err != nil {
				t.Fatalf("the retry failed: %v", err)
			}
			if p, err := w.store.PinByIRI(w.ctx, note); err != nil || p.Image.Key == "" {
				t.Fatalf("pin after the retry = %+v, %v", p, err)
			}
		})
	}
}

// storeUnprocessed stores an activity as the inbox would, without
// queueing its processing: the test runs it, so no worker races it.
func (w *inboundWorld) storeUnprocessed(raw []byte) *corkboard.InboxActivity {
	w.t.Helper()
	env, err := vocab.ScanEnvelope(raw)
	if err != nil {
		w.t.Fatalf("envelope: %v", err)
	}
	a := &corkboard.InboxActivity{IRI: env.ID, Type: env.Type, ActorIRI: env.Actor, Raw: raw, ReceivedAt: time.Now()}
	if created, err := w.store.SaveInboxActivity(w.ctx, a); err != nil || !created {
		w.t.Fatalf("store %s: %v (created %v)", env.ID, err, created)
	}
	return a
}
