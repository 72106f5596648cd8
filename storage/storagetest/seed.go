package storagetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage"
)

// Seed describes a bulk data set for benchmarks and query-count tests.
type Seed struct {
	Accounts int // people, named user0, user1, ...
	Boards   int // public boards per person
	Pins     int // pins in all, spread round-robin over every board
	Follows  int // each person follows this many others (user i follows i+1...)
}

// Seeded is what SeedData made.
type Seeded struct {
	AccountIDs []int64
	BoardIDs   []int64 // all boards, account-major
}

// SeedData bulk-inserts a data set with multi-row INSERTs, far faster
// than going through the Service. Pins share one fake image key; every
// pin lands in the home feeds of its owner and the owner's followers,
// as fan-out would have put it, and in the search index.
func SeedData(tb testing.TB, db *storage.DB, s Seed) Seeded {
	tb.Helper()
	g := db.Gorm()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var out Seeded
	exec := func(sql string, args ...any) {
		if err := g.Exec(sql, args...).Error; err != nil {
			tb.Fatalf("seed: %v", err)
		}
	}
	for i := 0; i < s.Accounts; i++ {
		var id int64
		if err := g.Raw(`INSERT INTO accounts (username, domain, display_name, bio, email, password_hash, avatar_key, is_admin, approved, disabled, signup_note, created_at, updated_at)
			VALUES (?, '', ?, '', '', '', '', false, true, false, '', ?, ?) RETURNING id`, fmt.Sprintf("user%d", i), fmt.Sprintf("User %d", i), now, now).Scan(&id).Error; err != nil {
			tb.Fatalf("seed account: %v", err)
		}
		out.AccountIDs = append(out.AccountIDs, id)
	}
	owner := map[int64]int64{}
	for _, a := range out.AccountIDs {
		for j := 0; j < s.Boards; j++ {
			var id int64
			if err := g.Raw(`INSERT INTO boards (account_id, slug, title, description, secret, pin_count, created_at, updated_at)
				VALUES (?, ?, ?, '', false, 0, ?, ?) RETURNING id`, a, fmt.Sprintf("board%d", j), fmt.Sprintf("Board %d", j), now, now).Scan(&id).Error; err != nil {
				tb.Fatalf("seed board: %v", err)
			}
			out.BoardIDs = append(out.BoardIDs, id)
			owner[id] = a
		}
	}
	for i, a := range out.AccountIDs {
		for k := 1; k <= s.Follows && k < len(out.AccountIDs); k++ {
			exec(`INSERT INTO follows (follower_id, target_account_id, pending, created_at) VALUES (?, ?, false, ?)`, a, out.AccountIDs[(i+k)%len(out.AccountIDs)], now)
		}
	}
	seedPins(tb, db, s, out, owner, now, exec)
	return out
}

var seedWords = []string{"lemon", "pasta", "garden", "tomato", "linen", "sunset", "ceramic", "bread", "cabin", "autumn"}

func seedPins(tb testing.TB, db *storage.DB, s Seed, out Seeded, owner map[int64]int64, now time.Time, exec func(string, ...any)) {
	const batch = 500
	g := db.Gorm()
	var maxID int64
	if err := g.Raw(`SELECT COALESCE(MAX(id), 0) FROM pins`).Scan(&maxID).Error; err != nil {
		tb.Fatal(err)
	}
	for start := 0; start < s.Pins; start += batch {
		n := min(batch, s.Pins-start)
		var rows, search []string
		var args, searchArgs []any
		for i := start; i < start+n; i++ {
			b := out.BoardIDs[i%len(out.BoardIDs)]
			desc := fmt.Sprintf("%s %s number %d #%s", seedWords[i%10], seedWords[(i/10)%10], i, seedWords[(i/100)%10])
			rows = append(rows, "(?, ?, ?, 'seed/key.jpg', 'image/jpeg', 800, 600, '', '#808080', '[]', false, ?, ?, ?)")
			args = append(args, owner[b], b, desc, seedWords[(i/100)%10], now.Add(time.Duration(i)*time.Second), now)
			search = append(search, "(?, ?)")
			searchArgs = append(searchArgs, maxID+int64(i)+1, desc)
		}
		exec(`INSERT INTO pins (account_id, board_id, description, image_key, image_content_type, image_width, image_height,
			image_blurhash, image_color, image_variants, secret, tags_text, created_at, updated_at) VALUES `+strings.Join(rows, ","), args...)
		if db.Dialect() == "sqlite" {
			exec(`INSERT INTO pin_search (rowid, body) VALUES `+strings.Join(search, ","), searchArgs...)
		}
	}
	exec(`INSERT INTO pin_tags (tag, pin_id) SELECT tags_text, id FROM pins WHERE id > ?`, maxID)
	exec(`UPDATE boards SET pin_count = (SELECT COUNT(*) FROM pins WHERE pins.board_id = boards.id)`)
	exec(`INSERT INTO feed_entries (account_id, pin_id) SELECT account_id, id FROM pins WHERE id > ? ON CONFLICT DO NOTHING`, maxID)
	exec(`INSERT INTO feed_entries (account_id, pin_id) SELECT f.follower_id, p.id FROM pins p
		JOIN follows f ON f.target_account_id = p.account_id WHERE p.id > ? ON CONFLICT DO NOTHING`, maxID)
	if db.Dialect() == "postgres" {
		exec(`ANALYZE`)
	}
}
