package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestMigration0009RoundTrip: rolling 0009 back drops the resolution
// columns and the suspensions table and keeps the reports; applying it
// again brings them back, with every report open.
func TestMigration0009RoundTrip(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		alice := localAccount(t, db, "alice")
		r := &corkboard.Report{IRI: "https://remote.example/flags/1", ReporterIRI: "https://remote.example/actor",
			TargetAccountID: alice.ID, CreatedAt: time.Now()}
		if _, err := db.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := db.SetReportResolution(ctx, r.ID, time.Now(), alice.ID, "done"); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateSuspension(ctx, &corkboard.Suspension{AccountID: alice.ID, SuspendedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		m := db.Gorm().Migrator()
		if err := db.RollbackTo(ctx, "0008_host_software"); err != nil {
			t.Fatalf("rollback: %v", err)
		}
		if m.HasColumn("reports", "resolved_at") || m.HasColumn("reports", "action_note") || m.HasTable("account_suspensions") {
			t.Error("0009's columns or table survived its rollback")
		}
		var n int64
		if err := db.Gorm().Table("reports").Count(&n).Error; err != nil || n != 1 {
			t.Errorf("reports after rollback: %d, %v", n, err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrate again: %v", err)
		}
		got, err := db.ReportByID(ctx, r.ID)
		if err != nil || !got.Open() || got.ActionNote != "" || got.ResolvedByID != 0 {
			t.Errorf("report after the round trip: %+v, %v", got, err)
		}
		if ss, err := db.ListSuspensions(ctx, true, 10); err != nil || len(ss) != 0 {
			t.Errorf("suspensions after the round trip: %d, %v", len(ss), err)
		}
	})
}

// TestReportResolutionAndSuspensionRecords: resolving stores who, when
// and the note, reopening clears them, and a missing report is
// ENOTFOUND; suspensions list lasting ones unless all, and revoking an
// account's tokens leaves other accounts' tokens alone.
func TestReportResolutionAndSuspensionRecords(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		alice, bob := localAccount(t, db, "alice"), localAccount(t, db, "bob")
		r := &corkboard.Report{IRI: "https://remote.example/flags/1", ReporterIRI: "https://remote.example/actor", CreatedAt: time.Now()}
		if _, err := db.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
		if err := db.SetReportResolution(ctx, r.ID, at, alice.ID, "suspended @x"); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ReportByID(ctx, r.ID); err != nil || !got.ResolvedAt.Equal(at) || got.ResolvedByID != alice.ID || got.ActionNote != "suspended @x" {
			t.Errorf("resolved: %+v, %v", got, err)
		}
		if err := db.SetReportResolution(ctx, r.ID, time.Time{}, 0, ""); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.ReportByID(ctx, r.ID); !got.Open() || got.ResolvedByID != 0 {
			t.Errorf("reopened: %+v", got)
		}
		if err := db.SetReportResolution(ctx, r.ID+1, at, 0, ""); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("a missing report: %v, want ENOTFOUND", err)
		}

		for _, id := range []int64{alice.ID, bob.ID} {
			if err := db.CreateSuspension(ctx, &corkboard.Suspension{AccountID: id, SuspendedAt: at, SuspendedByID: alice.ID}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.LiftSuspensions(ctx, bob.ID, at.Add(time.Hour), 0); err != nil {
			t.Fatal(err)
		}
		lasting, err := db.ListSuspensions(ctx, false, 10)
		if err != nil || len(lasting) != 1 || lasting[0].AccountID != alice.ID || lasting[0].SuspendedByID != alice.ID {
			t.Errorf("lasting suspensions: %+v, %v", lasting, err)
		}
		if all, _ := db.ListSuspensions(ctx, true, 10); len(all) != 2 || all[0].AccountID != bob.ID || all[0].LiftedAt.IsZero() {
			t.Errorf("all suspensions: %+v", all)
		}

		for i, id := range []int64{alice.ID, bob.ID} {
			tok := &corkboard.Token{AccessHash: "hash" + string(rune('a'+i)), AccountID: id, Scopes: "read", CreatedAt: at}
			if err := db.CreateToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RevokeAccountTokens(ctx, alice.ID, at); err != nil {
			t.Fatal(err)
		}
		if a, _ := db.TokenByAccessHash(ctx, "hasha"); a == nil || a.RevokedAt.IsZero() {
			t.Errorf("alice's token: %+v, want revoked", a)
		}
		if b, _ := db.TokenByAccessHash(ctx, "hashb"); b == nil || !b.RevokedAt.IsZero() {
			t.Errorf("bob's token: %+v, want live", b)
		}
	})
}
