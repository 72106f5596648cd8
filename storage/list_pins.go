package storage

import (
	"context"
	"regexp"
	"strings"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

// ListPins lists pins newest first. Every shape of the query walks an
// (x, id) index backwards, so a page costs the same on pin 10 and pin
// 100 000. Secret pins are returned to their owner only.
func (db *DB) ListPins(ctx context.Context, q corkboard.PinQuery) ([]*corkboard.Pin, error) {
	g := db.gorm.WithContext(ctx).Table("pins").Select(pinColumns)
	order := "pins.id"
	if q.Tag != "" {
		// Drive from pin_tags' (tag, pin_id) key, walked backwards: joining
		// the other way round made SQLite sort every pin with the tag.
		g = db.gorm.WithContext(ctx).Table("pin_tags").Select(pinColumns).
			Joins("JOIN pins ON pins.id = pin_tags.pin_id").Where("pin_tags.tag = ?", q.Tag)
		order = "pin_tags.pin_id"
	}
	switch {
	case q.BoardID != 0:
		g = g.Where("pins.board_id = ?", q.BoardID)
	case q.AccountID != 0:
		g = g.Where("pins.account_id = ?", q.AccountID)
	}
	if q.Search != "" {
		var ok bool
		if g, ok = db.matchSearch(g, q.Search); !ok {
			return nil, nil // nothing searchable in the query
		}
	}
	g = g.Where("(pins.secret = ? OR pins.account_id = ?)", false, q.ViewerID)
	if q.BeforeID > 0 {
		g = g.Where(order+" < ?", q.BeforeID)
	}
	var rows []pinRow
	if err := g.Order(order + " DESC").Limit(q.Limit).Find(&rows).Error; err != nil {
		return nil, translate("list pins", "pins", err)
	}
	return pinsFromRows(rows), nil
}

var searchWord = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// matchSearch adds a full-text condition: every word must match, the last
// one as a prefix (so results appear while typing). Words are extracted,
// never passed through, so no query syntax reaches the database.
func (db *DB) matchSearch(g *gorm.DB, query string) (*gorm.DB, bool) {
	words := searchWord.FindAllString(strings.ToLower(query), 8)
	if len(words) == 0 {
		return g, false
	}
	if db.dialect == "postgres" {
		terms := make([]string, len(words))
		for i, w := range words {
			terms[i] = w
		}
		terms[len(terms)-1] += ":*"
		return g.Where("pins.search @@ to_tsquery('english', ?)", strings.Join(terms, " & ")), true
	}
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"`
	}
	terms[len(terms)-1] += "*"
	return g.Where("pins.id IN (SELECT rowid FROM pin_search WHERE pin_search MATCH ?)", strings.Join(terms, " ")), true
}

// SearchBoards finds boards by title or description: public ones, and the
// viewer's own secret ones.
func (db *DB) SearchBoards(ctx context.Context, query string, viewerID int64, limit int) ([]*corkboard.Board, error) {
	like := likePattern(query)
	var rows []boardRow
	err := db.gorm.WithContext(ctx).Select(boardColumns).
		Where("(lower(boards.title) LIKE ? ESCAPE '\\' OR lower(boards.description) LIKE ? ESCAPE '\\')", like, like).
		Where("(boards.secret = ? OR boards.account_id = ?)", false, viewerID).
		Order("boards.pin_count DESC, boards.id DESC").Limit(limit).Find(&rows).Error
	return boardsFromRows(rows), translate("search boards", "boards", err)
}

// SearchAccounts finds approved, enabled people by username or name.
func (db *DB) SearchAccounts(ctx context.Context, query string, limit int) ([]*corkboard.Account, error) {
	like := likePattern(query)
	var rows []accountRow
	err := db.gorm.WithContext(ctx).
		Where("(lower(username) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\')", like, like).
		Where("approved = ? AND disabled = ?", true, false).
		Order("length(username), id").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Account, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("search accounts", "accounts", err)
}

// likePattern makes a lowercase substring pattern with LIKE's wildcards
// escaped.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

// AccountsByIDs loads accounts in one query.
func (db *DB) AccountsByIDs(ctx context.Context, ids []int64) (map[int64]*corkboard.Account, error) {
	var rows []accountRow
	if err := db.gorm.WithContext(ctx).Where("id IN ?", unique(ids)).Find(&rows).Error; err != nil {
		return nil, translate("accounts by ids", "accounts", err)
	}
	out := make(map[int64]*corkboard.Account, len(rows))
	for i := range rows {
		out[rows[i].ID] = rows[i].domain()
	}
	return out, nil
}
