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

func TestLocalReportsAreStoredOncePerReporterAndMessage(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		alice, bob := localAccount(t, db, "alice"), localAccount(t, db, "bob")
		local := func(iri string, reporter, message int64) *corkboard.Report {
			return &corkboard.Report{IRI: iri, ReporterIRI: "https://pins.example/users/x", ReporterID: reporter,
				TargetAccountID: alice.ID, ObjectIRIs: []string{"https://pins.example/messages/7"}, Local: true, Forwarded: true,
				MessageID: message, Evidence: "rude words", EvidenceMedia: []string{"https://pins.example/pins/3", "media:k/1.jpg"},
				CreatedAt: time.Now()}
		}
		for _, tc := range []struct {
			name    string
			report  *corkboard.Report
			created bool
		}{
			{"first report of a message", local("https://pins.example/reports/a", bob.ID, 7), true},
			{"same reporter, same message, new IRI", local("https://pins.example/reports/b", bob.ID, 7), false},
			{"same reporter, another message", local("https://pins.example/reports/c", bob.ID, 8), true},
			{"another reporter, same message", local("https://pins.example/reports/d", alice.ID, 7), true},
			{"two remote reports from one actor, no message", &corkboard.Report{IRI: "https://remote.example/flags/1", ReporterIRI: "https://remote.example/actor", ReporterID: alice.ID, CreatedAt: time.Now()}, true},
			{"a second remote report from that actor", &corkboard.Report{IRI: "https://remote.example/flags/2", ReporterIRI: "https://remote.example/actor", ReporterID: alice.ID, CreatedAt: time.Now()}, true},
		} {
			created, err := db.CreateReport(ctx, tc.report)
			if err != nil || created != tc.created {
				t.Errorf("%s: created=%v err=%v, want created=%v", tc.name, created, err, tc.created)
			}
		}
		rs, err := db.ListReports(ctx, 10)
		if err != nil || len(rs) != 5 {
			t.Fatalf("list: %d, %v; want 5", len(rs), err)
		}
		got := rs[4]
		if !got.Local || !got.Forwarded || got.MessageID != 7 || got.Evidence != "rude words" || len(got.EvidenceMedia) != 2 ||
			got.EvidenceMedia[1] != "media:k/1.jpg" || got.ReporterID != bob.ID {
			t.Errorf("local report read back as %+v", got)
		}
		if remote := rs[0]; remote.Local || remote.MessageID != 0 || remote.Evidence != "" {
			t.Errorf("remote report read back as %+v", remote)
		}
	})
}
