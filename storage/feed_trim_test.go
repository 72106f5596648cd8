package storage_test

import (
	"context"
	"testing"

	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TrimFeeds keeps each home feed's newest entries and leaves short feeds
// alone; a second run has nothing left to do.
func TestTrimFeedsKeepsTheNewest(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		// Each owns 150 pins; user0's feed also holds user1's (as if it
		// followed them all along): 300 entries against user1's 150.
		seeded := storagetest.SeedData(t, db, storagetest.Seed{Accounts: 2, Boards: 1, Pins: 300})
		if err := db.Gorm().Exec(`INSERT INTO feed_entries (account_id, pin_id) SELECT CAST(? AS BIGINT), id FROM pins WHERE account_id = ?`,
			seeded.AccountIDs[0], seeded.AccountIDs[1]).Error; err != nil {
			t.Fatal(err)
		}
		feed := func(account int64) (n, newest, oldest int64) {
			t.Helper()
			row := db.Gorm().Raw(`SELECT COUNT(*), COALESCE(MAX(pin_id), 0), COALESCE(MIN(pin_id), 0) FROM feed_entries WHERE account_id = ?`, account).Row()
			if err := row.Scan(&n, &newest, &oldest); err != nil {
				t.Fatal(err)
			}
			return n, newest, oldest
		}
		n0, newest0, _ := feed(seeded.AccountIDs[0])
		n1, _, _ := feed(seeded.AccountIDs[1])
		if n0 <= 200 || n1 >= 200 {
			t.Fatalf("seeded feeds of %d and %d entries; want one over 200 and one under", n0, n1)
		}

		removed, err := db.TrimFeeds(ctx, 200)
		if err != nil {
			t.Fatal(err)
		}
		if removed != n0-200 {
			t.Errorf("removed %d entries, want %d", removed, n0-200)
		}
		n, newest, oldest := feed(seeded.AccountIDs[0])
		var want int64
		if err := db.Gorm().Raw(`SELECT pin_id FROM feed_entries WHERE account_id = ? ORDER BY pin_id DESC LIMIT 1 OFFSET 199`, seeded.AccountIDs[0]).Scan(&want).Error; err != nil {
			t.Fatal(err)
		}
		if n != 200 || newest != newest0 || oldest != want {
			t.Errorf("user0's feed after trimming: %d entries from %d to %d; want the newest 200 (%d..%d)", n, oldest, newest, want, newest0)
		}
		if n, _, _ := feed(seeded.AccountIDs[1]); n != n1 {
			t.Errorf("a short feed went from %d to %d entries", n1, n)
		}
		if again, err := db.TrimFeeds(ctx, 200); err != nil || again != 0 {
			t.Errorf("a second trim removed %d (%v); want 0", again, err)
		}
		if _, err := db.TrimFeeds(ctx, 0); err == nil {
			t.Errorf("keep 0 accepted")
		}
	})
}
