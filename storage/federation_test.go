package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

type testJob struct{ N int }

func (testJob) Kind() string { return "test_job" }

func countJobs(t *testing.T, db *storage.DB) int64 {
	t.Helper()
	var n int64
	if err := db.Gorm().Raw(`SELECT COUNT(*) FROM river_job WHERE kind = 'test_job'`).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEnqueueCommitsWithTheTransaction(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		rollback := errors.New("roll back")
		err := db.InTx(ctx, func(tx corkboard.Store) error {
			if err := tx.Enqueue(ctx, testJob{1}, testJob{2}); err != nil {
				t.Fatal(err)
			}
			return rollback
		})
		if !errors.Is(err, rollback) || countJobs(t, db) != 0 {
			t.Fatalf("a rolled-back transaction left %d jobs (err %v)", countJobs(t, db), err)
		}
		if err := db.InTx(ctx, func(tx corkboard.Store) error { return tx.Enqueue(ctx, testJob{3}) }); err != nil {
			t.Fatal(err)
		}
		if n := countJobs(t, db); n != 1 {
			t.Fatalf("committed jobs = %d, want 1", n)
		}
	})
}

func TestInboxActivityIsStoredOnce(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		a := &corkboard.InboxActivity{IRI: "https://remote.example/activities/1", Type: "Like",
			ActorIRI: "https://remote.example/users/bob", Raw: []byte(`{}`), RecipientIDs: []int64{4, 7}, ReceivedAt: time.Now()}
		created, err := db.SaveInboxActivity(ctx, a)
		if err != nil || !created {
			t.Fatalf("first save: created=%v err=%v", created, err)
		}
		again := *a
		again.ID = 0
		if created, err := db.SaveInboxActivity(ctx, &again); err != nil || created {
			t.Fatalf("redelivery: created=%v err=%v; want not created", created, err)
		}
		got, err := db.InboxActivityByID(ctx, a.ID)
		if err != nil || len(got.RecipientIDs) != 2 || got.RecipientIDs[1] != 7 || !got.ProcessedAt.IsZero() {
			t.Fatalf("stored activity = %+v, %v", got, err)
		}
	})
}

func TestRemoteFollowerInboxesShareOneDeliveryPerServer(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now()
		local := &corkboard.Account{Username: "alice", Approved: true, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateAccount(ctx, local, "x"); err != nil {
			t.Fatal(err)
		}
		remotes := []*corkboard.Account{
			{Username: "bob", Domain: "one.example", IRI: "https://one.example/u/bob", InboxURL: "https://one.example/u/bob/inbox", SharedInboxURL: "https://one.example/inbox"},
			{Username: "carol", Domain: "one.example", IRI: "https://one.example/u/carol", InboxURL: "https://one.example/u/carol/inbox", SharedInboxURL: "https://one.example/inbox"},
			{Username: "dave", Domain: "two.example", IRI: "https://two.example/dave", InboxURL: "https://two.example/dave/inbox"},
		}
		for _, r := range remotes {
			r.Approved, r.CreatedAt, r.UpdatedAt = true, now, now
			if err := db.UpsertRemoteAccount(ctx, r); err != nil {
				t.Fatal(err)
			}
			if err := db.CreateFollow(ctx, &corkboard.Follow{FollowerID: r.ID, TargetAccountID: local.ID, CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
		}
		// Upserting again refreshes, keeping the id.
		id := remotes[0].ID
		remotes[0].DisplayName = "Bob B."
		if err := db.UpsertRemoteAccount(ctx, remotes[0]); err != nil || remotes[0].ID != id {
			t.Fatalf("re-upsert: id %d -> %d, %v", id, remotes[0].ID, err)
		}
		inboxes, err := db.RemoteFollowerInboxes(ctx, local.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{"https://one.example/inbox": true, "https://two.example/dave/inbox": true}
		if len(inboxes) != 2 || !want[inboxes[0]] || !want[inboxes[1]] {
			t.Fatalf("inboxes = %v, want one shared inbox for one.example and dave's own", inboxes)
		}
	})
}
