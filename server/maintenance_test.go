package server_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// A running server trims home feeds to HomeFeedSize on its own: the
// periodic job runs once at start-up.
func TestServerTrimsHomeFeeds(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			sc := storagetest.Config(t, kind)
			if sc.DataDir == "" {
				sc.DataDir = t.TempDir()
			}
			db, err := storage.Open(ctx, sc)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = db.Close() })
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			seeded := storagetest.SeedData(t, db, storagetest.Seed{Accounts: 1, Boards: 1, Pins: 30})
			feedSize := func() int64 {
				var n int64
				if err := db.Gorm().Raw(`SELECT COUNT(*) FROM feed_entries WHERE account_id = ?`, seeded.AccountIDs[0]).Scan(&n).Error; err != nil {
					t.Fatal(err)
				}
				return n
			}
			if n := feedSize(); n != 30 {
				t.Fatalf("seeded feed has %d entries, want 30", n)
			}

			cfg := server.Defaults()
			cfg.BaseURL, cfg.Listen, cfg.DataDir, cfg.DatabaseURL = "http://example.test", "127.0.0.1:0", sc.DataDir, sc.URL
			cfg.HomeFeedSize, cfg.BcryptCost = 5, 4
			cfg.Logger, cfg.SetupNotice = slog.New(slog.DiscardHandler), func(string) {}
			srv, err := server.New(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Close() })
			servertest.Eventually(t, 30*time.Second, "the home feed to be trimmed to 5", func() bool { return feedSize() == 5 })
		})
	}
}
