package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestAccounts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		a := &corkboard.Account{Username: "alice", Email: "a@example.com", Approved: true, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateAccount(ctx, a, "hash1"); err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 {
			t.Fatal("CreateAccount did not set the ID")
		}
		dup := &corkboard.Account{Username: "alice", CreatedAt: now, UpdatedAt: now}
		if err := db.CreateAccount(ctx, dup, "x"); corkboard.ErrorCode(err) != corkboard.ECONFLICT {
			t.Fatalf("duplicate username: got %v, want ECONFLICT", err)
		}
		got, err := db.AccountByUsername(ctx, "alice")
		if err != nil || got.ID != a.ID || got.Email != "a@example.com" || !got.Approved {
			t.Fatalf("AccountByUsername = %+v, %v", got, err)
		}
		if _, err := db.AccountByUsername(ctx, "bob"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Fatalf("missing account: got %v, want ENOTFOUND", err)
		}
		if err := db.SetPasswordHash(ctx, a.ID, "hash2"); err != nil {
			t.Fatal(err)
		}
		if h, _ := db.PasswordHash(ctx, a.ID); h != "hash2" {
			t.Fatalf("password hash = %q, want hash2", h)
		}
		got.DisplayName, got.Approved = "Alice", false
		if err := db.UpdateAccount(ctx, got); err != nil {
			t.Fatal(err)
		}
		pending, err := db.ListAccounts(ctx, corkboard.AccountFilter{PendingOnly: true, Limit: 10})
		if err != nil || len(pending) != 1 || pending[0].DisplayName != "Alice" {
			t.Fatalf("pending accounts = %+v, %v", pending, err)
		}
		if n, _ := db.CountLocalAccounts(ctx); n != 1 {
			t.Fatalf("CountLocalAccounts = %d, want 1", n)
		}
	})
}

func TestMigrationsAreIdempotentAndCounted(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if n, err := db.PendingMigrations(ctx); err != nil || n != 0 {
			t.Fatalf("PendingMigrations after Migrate = %d, %v; want 0", n, err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
	})
}

func TestSettingsAndInvites(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, ok, err := db.Setting(ctx, "k"); ok || err != nil {
			t.Fatalf("unset setting: ok=%v err=%v", ok, err)
		}
		for _, v := range []string{"one", "two"} {
			if err := db.SetSetting(ctx, "k", v); err != nil {
				t.Fatal(err)
			}
		}
		if v, ok, _ := db.Setting(ctx, "k"); !ok || v != "two" {
			t.Fatalf("setting = %q, %v; want two", v, ok)
		}
		now := time.Now().UTC()
		inv := &corkboard.Invite{Code: "c0de", MaxUses: 1, CreatedAt: now}
		if err := db.CreateInvite(ctx, inv); err != nil {
			t.Fatal(err)
		}
		if err := db.UseInvite(ctx, "c0de", now); err != nil {
			t.Fatalf("first use: %v", err)
		}
		if err := db.UseInvite(ctx, "c0de", now); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("second use of a one-use invite: got %v, want EFORBIDDEN", err)
		}
	})
}
