package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/server/web"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
	"github.com/labstack/echo/v4"
)

// A feed costs a fixed number of SQL statements however many pins it
// carries: one listing and batched hydration, never a query per pin.
func TestRSSQueryCountDoesNotGrowWithPins(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		seeded := storagetest.SeedData(t, db, storagetest.Seed{Accounts: 2, Boards: 1, Pins: 60})
		// user0 keeps all but one pin of user1: a full feed against a
		// feed of one.
		err := db.Gorm().Exec(`UPDATE pins SET account_id = ?, board_id = ? WHERE account_id = ? AND id > (SELECT MIN(id) FROM pins WHERE account_id = ?)`,
			seeded.AccountIDs[0], seeded.BoardIDs[0], seeded.AccountIDs[1], seeded.AccountIDs[1]).Error
		if err != nil {
			t.Fatal(err)
		}
		svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, nil, corkboard.ServiceOptions{BaseURL: "http://example.test"})
		e := echo.New()
		web.New(web.Deps{Service: svc, BaseURL: "http://example.test"}).Register(e)
		qc := storagetest.CountQueries(t, db)
		feeds := []struct {
			name, path string
			items      int
		}{
			{"full profile feed", "/@user0/feed.rss", 25},
			{"profile feed of one", "/@user1/feed.rss", 1},
			{"full board feed", "/@user0/board0/feed.rss", 25},
			{"board feed of one", "/@user1/board0/feed.rss", 1},
		}
		counts := map[string]int64{}
		for _, f := range feeds {
			qc.Reset()
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, f.path, nil))
			if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), "<item>") != f.items {
				t.Fatalf("%s: status %d, %d items, want %d\n%s", f.name, rec.Code, strings.Count(rec.Body.String(), "<item>"), f.items, rec.Body)
			}
			counts[f.name] = qc.Count()
			t.Logf("%s: %d queries", f.name, counts[f.name])
		}
		for _, kind := range []string{"profile", "board"} {
			full, one := counts["full "+kind+" feed"], counts[kind+" feed of one"]
			if full != one || full > 5 {
				t.Errorf("%s feed: %d queries for 25 pins, %d for 1; want the same, and few", kind, full, one)
			}
		}
	})
}
