package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestHostSoftwareRoundTrip: a check is stored on the hosts row (a new
// row for a host never delivered to), a failed check too, and the
// software and delivery health columns never overwrite each other.
func TestHostSoftwareRoundTrip(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		if s, err := db.HostSoftware(ctx, "pixel.example"); err != nil || !s.CheckedAt.IsZero() || s.Name != "" {
			t.Fatalf("unknown host = %+v, %v; want never checked", s, err)
		}
		want := &corkboard.HostSoftware{Host: "pixel.example", Name: "pixelfed", Version: "0.12.5", CheckedAt: at}
		if err := db.SaveHostSoftware(ctx, want); err != nil {
			t.Fatal(err)
		}
		checkSoftware(t, db, *want)
		if h, err := db.HostHealth(ctx, "pixel.example"); err != nil || h.Failures != 0 || !h.UnavailableSince.IsZero() {
			t.Errorf("health of a host only checked = %+v, %v; want healthy", h, err)
		}

		// Health written after the check keeps the software, and a later
		// (failed) check keeps the health.
		failing := &corkboard.HostHealth{Host: "pixel.example", Failures: 3, FirstFailureAt: at, UnavailableSince: at}
		if err := db.SaveHostHealth(ctx, failing); err != nil {
			t.Fatal(err)
		}
		checkSoftware(t, db, *want)
		failed := corkboard.HostSoftware{Host: "pixel.example", CheckedAt: at.Add(48 * time.Hour)}
		if err := db.SaveHostSoftware(ctx, &failed); err != nil {
			t.Fatal(err)
		}
		checkSoftware(t, db, failed)
		if h, err := db.HostHealth(ctx, "pixel.example"); err != nil || h.Failures != 3 || !h.UnavailableSince.Equal(at) {
			t.Errorf("health after a software check = %+v, %v; want 3 failures, unavailable", h, err)
		}

		// Listing leaves out hosts never checked.
		if err := db.SaveHostHealth(ctx, &corkboard.HostHealth{Host: "other.example", Failures: 1, FirstFailureAt: at}); err != nil {
			t.Fatal(err)
		}
		got, err := db.HostSoftwareOf(ctx, []string{"pixel.example", "other.example", "never.example"})
		if err != nil || len(got) != 1 || got["pixel.example"] == nil || !got["pixel.example"].CheckedAt.Equal(failed.CheckedAt) {
			t.Errorf("HostSoftwareOf = %+v, %v; want pixel.example only", got, err)
		}
	})
}

func checkSoftware(t *testing.T, db *storage.DB, want corkboard.HostSoftware) {
	t.Helper()
	got, err := db.HostSoftware(context.Background(), want.Host)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != want.Name || got.Version != want.Version || !got.CheckedAt.Equal(want.CheckedAt) {
		t.Errorf("software of %s = %+v; want %+v", want.Host, got, want)
	}
}

// BenchmarkHostSoftware is the read every answered delivery adds (the
// delivery worker asks whether the host's software is due a check).
//
//	go test ./storage -run '^$' -bench HostSoftware
func BenchmarkHostSoftware(b *testing.B) {
	for _, kind := range storagetest.Kinds(b) {
		b.Run(kind, func(b *testing.B) {
			db, ctx := storagetest.Open(b, kind), context.Background()
			s := &corkboard.HostSoftware{Host: "pixel.example", Name: "pixelfed", Version: "0.12.5", CheckedAt: time.Now()}
			if err := db.SaveHostSoftware(ctx, s); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if _, err := db.HostSoftware(ctx, "pixel.example"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
