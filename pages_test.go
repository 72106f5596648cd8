package corkboard_test

import (
	"context"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// The hot pages must cost a fixed number of SQL statements however many
// pins they show: related rows are loaded in batches, never per pin.
func TestHotPagesQueryCountDoesNotGrowWithPins(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		seeded := storagetest.SeedData(t, db, storagetest.Seed{Accounts: 4, Boards: 2, Pins: 400, Follows: 2})
		svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, nil, corkboard.ServiceOptions{})
		viewer, err := svc.AccountByID(ctx, seeded.AccountIDs[0])
		if err != nil {
			t.Fatal(err)
		}
		pages := map[string]func(limit int) (int, error){
			"board page": func(limit int) (int, error) {
				b, err := svc.Board(ctx, viewer, "user1", "board0")
				if err != nil {
					return 0, err
				}
				page, err := svc.BoardPins(ctx, viewer, b.ID, 0, limit)
				return len(page.Pins), err
			},
			"home feed": func(limit int) (int, error) {
				page, err := svc.HomeFeed(ctx, viewer, 0, limit)
				return len(page.Pins), err
			},
		}
		qc := storagetest.CountQueries(t, db)
		for name, load := range pages {
			counts := map[int]int64{}
			for _, limit := range []int{5, 50} {
				qc.Reset()
				n, err := load(limit)
				if err != nil || n != limit {
					t.Fatalf("%s with %d pins: got %d pins, %v", name, limit, n, err)
				}
				counts[limit] = qc.Count()
			}
			if counts[5] != counts[50] || counts[50] > 8 {
				t.Errorf("%s: %d queries for 5 pins, %d for 50; want the same, and few", name, counts[5], counts[50])
			}
		}
	})
}

// On PostgreSQL a prepared statement may switch to a generic plan after
// five executions and sort a whole board instead of walking its index;
// the connection forces custom plans, and the board page must stay an
// index scan.
func TestPostgresBoardPageStaysOnIndex(t *testing.T) {
	if !hasKind(t, "postgres") {
		t.Skip("PostgreSQL not configured (" + storagetest.EnvURL + ")")
	}
	db := storagetest.Open(t, "postgres")
	seeded := storagetest.SeedData(t, db, storagetest.Seed{Accounts: 2, Boards: 1, Pins: 5000})
	var mode string
	if err := db.Gorm().Raw("SHOW plan_cache_mode").Scan(&mode).Error; err != nil || mode != "force_custom_plan" {
		t.Fatalf("plan_cache_mode = %q, %v; want force_custom_plan", mode, err)
	}
	for i := 0; i < 8; i++ { // past the five executions after which generic plans may start
		var plan []string
		err := db.Gorm().Raw(`EXPLAIN SELECT id FROM pins WHERE pins.board_id = ? AND (pins.secret = ? OR pins.account_id = ?)
			ORDER BY pins.id DESC LIMIT 51`, seeded.BoardIDs[0], false, seeded.AccountIDs[0]).Scan(&plan).Error
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(plan, "\n")
		if !strings.Contains(text, "Index Scan Backward") || strings.Contains(text, "Sort") {
			t.Fatalf("execution %d: board page plan is not a backward index scan:\n%s", i+1, text)
		}
	}
}

func hasKind(t *testing.T, kind string) bool {
	for _, k := range storagetest.Kinds(t) {
		if k == kind {
			return true
		}
	}
	return false
}

// BenchmarkPages measures the hot page queries on 100 000 pins: run with
//
//	go test -run '^$' -bench Pages -benchtime 2s .
//
// (and CORKBOARD_TEST_DATABASE_URL for PostgreSQL).
func BenchmarkPages(b *testing.B) {
	for _, kind := range storagetest.Kinds(b) {
		b.Run(kind, func(b *testing.B) {
			ctx := context.Background()
			db := storagetest.Open(b, kind)
			seeded := storagetest.SeedData(b, db, storagetest.Seed{Accounts: 100, Boards: 5, Pins: 100_000, Follows: 20})
			svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, nil, corkboard.ServiceOptions{})
			viewer, _ := svc.AccountByID(ctx, seeded.AccountIDs[0])
			cases := []struct {
				name string
				load func() (*corkboard.Page, error)
			}{
				{"board", func() (*corkboard.Page, error) {
					board, err := svc.Board(ctx, viewer, "user7", "board3")
					if err != nil {
						return nil, err
					}
					return svc.BoardPins(ctx, viewer, board.ID, 0, 50)
				}},
				{"home", func() (*corkboard.Page, error) { return svc.HomeFeed(ctx, viewer, 0, 50) }},
				{"search", func() (*corkboard.Page, error) { return svc.SearchPins(ctx, viewer, "lemon garden", 0, 50) }},
				{"tag", func() (*corkboard.Page, error) { return svc.TagPins(ctx, viewer, "sunset", 0, 50) }},
			}
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					for b.Loop() {
						page, err := c.load()
						if err != nil || len(page.Pins) == 0 {
							b.Fatalf("%s: %v (%d pins)", c.name, err, lenPins(page))
						}
					}
				})
			}
		})
	}
}

func lenPins(p *corkboard.Page) int {
	if p == nil {
		return 0
	}
	return len(p.Pins)
}
