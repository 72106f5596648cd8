package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestRemoveLikeReturnsWhenItWasMade: an unlike needs the like's time,
// from which the id of the Like it withdraws derives (to the millisecond).
func TestRemoveLikeReturnsWhenItWasMade(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now()
		alice := localAccount(t, db, "alice")
		board := &corkboard.Board{AccountID: alice.ID, Slug: "b", Title: "B", CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreateBoard(ctx, board))
		pin := &corkboard.Pin{AccountID: alice.ID, BoardID: board.ID, Image: corkboard.Image{Key: "k"}, CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreatePin(ctx, pin))
		likedAt := time.Date(2026, 1, 2, 3, 4, 5, 678_901_234, time.FixedZone("CET", 3600))
		if created, err := db.AddLike(ctx, alice.ID, pin.ID, likedAt); err != nil || !created {
			t.Fatalf("AddLike = %v, %v", created, err)
		}
		got, err := db.RemoveLike(ctx, alice.ID, pin.ID)
		if err != nil || got.UnixMilli() != likedAt.UnixMilli() {
			t.Fatalf("RemoveLike = %v, %v; want %v", got, err, likedAt)
		}
		if liked, _ := db.LikedPins(ctx, alice.ID, []int64{pin.ID}); liked[pin.ID] {
			t.Error("the like is still there")
		}
		if got, err := db.RemoveLike(ctx, alice.ID, pin.ID); err != nil || !got.IsZero() {
			t.Errorf("removing it again = %v, %v; want zero", got, err)
		}
	})
}
