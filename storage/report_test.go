package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestReportsAreStoredOnceAndListedNewestFirst(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		alice := localAccount(t, db, "alice")
		first := &corkboard.Report{IRI: "https://remote.example/flags/1", ReporterIRI: "https://remote.example/actor",
			TargetAccountID: alice.ID, ObjectIRIs: []string{"https://pins.example/users/alice", "https://pins.example/pins/3"},
			Comment: "spam", CreatedAt: time.Now()}
		if created, err := db.CreateReport(ctx, first); err != nil || !created {
			t.Fatalf("create: %v %v", created, err)
		}
		again := *first
		if created, err := db.CreateReport(ctx, &again); err != nil || created {
			t.Fatalf("redelivery: created=%v err=%v", created, err)
		}
		second := &corkboard.Report{IRI: "https://remote.example/flags/2", ReporterIRI: "https://remote.example/actor", CreatedAt: time.Now()}
		if _, err := db.CreateReport(ctx, second); err != nil {
			t.Fatal(err)
		}
		rs, err := db.ListReports(ctx, 10)
		if err != nil || len(rs) != 2 {
			t.Fatalf("list: %d, %v", len(rs), err)
		}
		got := rs[1]
		if rs[0].IRI != second.IRI || got.TargetAccountID != alice.ID || len(got.ObjectIRIs) != 2 || got.Comment != "spam" || got.ReporterID != 0 {
			t.Errorf("reports = %+v, %+v", rs[0], got)
		}
	})
}
