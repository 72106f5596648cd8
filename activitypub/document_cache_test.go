package activitypub_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/corkboard/corkboard/activitypub"
)

// BenchmarkPersonDocument measures what the document cache saves: a miss
// encodes the actor through go-fed (a new version of the account each
// time), a hit is a map lookup; GET is the whole request, database
// lookup of the account included, on a warm cache.
//
//	go test ./activitypub -run '^$' -bench PersonDocument
func BenchmarkPersonDocument(b *testing.B) {
	o := newOutbound(b, "sqlite", activitypub.DeliveryOptions{})
	pem := "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"
	b.Run("miss", func(b *testing.B) {
		a := *o.alice
		for range b.N {
			a.UpdatedAt = a.UpdatedAt.Add(time.Nanosecond)
			if _, err := o.fed.PersonDocument(&a, pem); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hit", func(b *testing.B) {
		for range b.N {
			if _, err := o.fed.PersonDocument(o.alice, pem); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GET", func(b *testing.B) {
		for range b.N {
			req := httptest.NewRequest(http.MethodGet, "/users/alice", nil)
			req.Header.Set("Accept", as2)
			rec := httptest.NewRecorder()
			o.http.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code)
			}
		}
	})
}
