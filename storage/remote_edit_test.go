package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestPruneRemoteKeys: an owner's keys other than those kept go; other
// owners' keys stay, and so does a key with a private part (ours), even
// under an owner pruned with nothing kept.
func TestPruneRemoteKeys(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now()
		save := func(id, owner, private string) {
			t.Helper()
			if err := db.SaveKey(ctx, &corkboard.ActorKey{KeyID: id, OwnerIRI: owner, PublicKeyPEM: "pem",
				PrivateKeyPEM: private, FetchedAt: now, CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
		}
		bob, eve, local := "https://r.example/users/bob", "https://r.example/users/eve", "https://here.example/users/carol"
		save(bob+"#old", bob, "")
		save(bob+"#older", bob, "")
		save(bob+"#new", bob, "")
		save(eve+"#main-key", eve, "")
		save(local+"#main-key", local, "private")

		pruned, err := db.PruneRemoteKeys(ctx, bob, []string{bob + "#new"})
		slices.Sort(pruned)
		if err != nil || !slices.Equal(pruned, []string{bob + "#old", bob + "#older"}) {
			t.Fatalf("pruned %v, %v", pruned, err)
		}
		if pruned, err := db.PruneRemoteKeys(ctx, local, nil); err != nil || len(pruned) != 0 {
			t.Fatalf("pruned our own key: %v, %v", pruned, err)
		}
		for id, want := range map[string]bool{bob + "#old": false, bob + "#older": false, bob + "#new": true,
			eve + "#main-key": true, local + "#main-key": true} {
			_, err := db.KeyByID(ctx, id)
			if got := err == nil; got != want {
				t.Errorf("key %s kept = %v, want %v (%v)", id, got, want, err)
			}
		}
	})
}

// TestUpdateCommentText: the text changes, a missing comment is "not
// found".
func TestUpdateCommentText(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.UpdateCommentText(ctx, 12345, "x"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("missing comment: %v, want not found", err)
		}
	})
}
