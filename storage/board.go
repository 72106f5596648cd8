package storage

import (
	"context"
	"errors"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type boardRow struct {
	ID          int64
	AccountID   int64
	Slug        string
	Title       string
	Description string
	Secret      bool
	CoverPinID  *int64
	// ShownCoverID is computed (see boardColumns), never written.
	ShownCoverID *int64  `gorm:"->;column:shown_cover_id"`
	IRI          *string `gorm:"column:iri"`
	PinCount     int
	CreatedAt    time.Time
	UpdatedAt    time.Time

	InboxURL         string
	SharedInboxURL   string
	FollowersURL     string
	PageURL          string
	ManuallyApproves bool
	FetchedAt        *time.Time
}

func (boardRow) TableName() string { return "boards" }

func (r *boardRow) domain() *corkboard.Board {
	b := &corkboard.Board{ID: r.ID, AccountID: r.AccountID, Slug: r.Slug, Title: r.Title, Description: r.Description,
		Secret: r.Secret, CoverPinID: deref(r.CoverPinID), ShownCoverID: deref(r.ShownCoverID), PinCount: r.PinCount, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		InboxURL: r.InboxURL, SharedInboxURL: r.SharedInboxURL, FollowersURL: r.FollowersURL, PageURL: r.PageURL,
		ManuallyApproves: r.ManuallyApproves, FetchedAt: derefTime(r.FetchedAt)}
	if r.IRI != nil {
		b.IRI = *r.IRI
	}
	return b
}

func boardRowFrom(b *corkboard.Board) *boardRow {
	return &boardRow{ID: b.ID, AccountID: b.AccountID, Slug: b.Slug, Title: b.Title, Description: b.Description,
		Secret: b.Secret, CoverPinID: optionalID(b.CoverPinID), IRI: optionalString(b.IRI), PinCount: b.PinCount,
		CreatedAt: b.CreatedAt.UTC(), UpdatedAt: b.UpdatedAt.UTC(),
		InboxURL: b.InboxURL, SharedInboxURL: b.SharedInboxURL, FollowersURL: b.FollowersURL, PageURL: b.PageURL,
		ManuallyApproves: b.ManuallyApproves, FetchedAt: optionalTime(b.FetchedAt)}
}

// boardColumns computes the cover shown: the chosen pin, else the newest.
const boardColumns = `boards.*, COALESCE(boards.cover_pin_id,
	(SELECT MAX(p.id) FROM pins p WHERE p.board_id = boards.id)) AS shown_cover_id`

// CreateBoard inserts a board and sets its ID.
func (db *DB) CreateBoard(ctx context.Context, b *corkboard.Board) error {
	row := boardRowFrom(b)
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create board", "a board named "+b.Slug, err)
	}
	b.ID = row.ID
	return nil
}

// UpdateBoard saves a board's editable fields.
func (db *DB) UpdateBoard(ctx context.Context, b *corkboard.Board) error {
	r := boardRowFrom(b)
	res := db.gorm.WithContext(ctx).Model(&boardRow{}).Where("id = ?", b.ID).Updates(map[string]any{
		"slug": r.Slug, "title": r.Title, "description": r.Description, "secret": r.Secret,
		"cover_pin_id": r.CoverPinID, "updated_at": r.UpdatedAt, "manually_approves": r.ManuallyApproves,
	})
	return rowsAffected("update board", "a board named "+b.Slug, res.Error, res.RowsAffected)
}

// DeleteBoard deletes a board; its pins, their tags, likes, comments and
// feed entries go with it (foreign keys cascade).
func (db *DB) DeleteBoard(ctx context.Context, id int64) error {
	return db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if db.dialect == "sqlite" { // FTS5 rows are not covered by foreign keys
			if err := tx.Exec(`DELETE FROM pin_search WHERE rowid IN (SELECT id FROM pins WHERE board_id = ?)`, id).Error; err != nil {
				return translate("delete board search rows", "board", err)
			}
		}
		if err := tx.Exec(`UPDATE pins SET save_count = save_count - 1 WHERE id IN
			(SELECT saved_from_id FROM pins WHERE board_id = ? AND saved_from_id IS NOT NULL)`, id).Error; err != nil {
			return translate("delete board save counts", "board", err)
		}
		res := tx.Delete(&boardRow{}, id)
		return rowsAffected("delete board", "board", res.Error, res.RowsAffected)
	})
}

// BoardByID finds a board.
func (db *DB) BoardByID(ctx context.Context, id int64) (*corkboard.Board, error) {
	return db.boardWhere(ctx, "boards.id = ?", id)
}

// BoardBySlug finds one of an account's boards by slug.
func (db *DB) BoardBySlug(ctx context.Context, accountID int64, slug string) (*corkboard.Board, error) {
	return db.boardWhere(ctx, "boards.account_id = ? AND boards.slug = ?", accountID, slug)
}

func (db *DB) boardWhere(ctx context.Context, cond string, args ...any) (*corkboard.Board, error) {
	var row boardRow
	err := db.gorm.WithContext(ctx).Select(boardColumns).Where(cond, args...).Take(&row).Error
	if err != nil {
		return nil, translate("board", "board", err)
	}
	return row.domain(), nil
}

// ListBoards lists an account's boards, most recently updated first.
func (db *DB) ListBoards(ctx context.Context, accountID int64, withSecret bool) ([]*corkboard.Board, error) {
	q := db.gorm.WithContext(ctx).Select(boardColumns).Where("boards.account_id = ?", accountID)
	if !withSecret {
		q = q.Where("boards.secret = ?", false)
	}
	var rows []boardRow
	if err := q.Order("boards.updated_at DESC, boards.id DESC").Limit(1000).Find(&rows).Error; err != nil {
		return nil, translate("list boards", "boards", err)
	}
	return boardsFromRows(rows), nil
}

// SlugTaken reports whether an account already has a board with slug.
func (db *DB) SlugTaken(ctx context.Context, accountID int64, slug string) (bool, error) {
	var row boardRow
	err := db.gorm.WithContext(ctx).Select("id").Where("account_id = ? AND slug = ?", accountID, slug).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	return err == nil, translate("slug taken", "board", err)
}

// BoardsByIDs loads boards in one query.
func (db *DB) BoardsByIDs(ctx context.Context, ids []int64) (map[int64]*corkboard.Board, error) {
	var rows []boardRow
	if err := db.gorm.WithContext(ctx).Select(boardColumns).Where("boards.id IN ?", unique(ids)).Find(&rows).Error; err != nil {
		return nil, translate("boards by ids", "boards", err)
	}
	out := make(map[int64]*corkboard.Board, len(rows))
	for _, b := range boardsFromRows(rows) {
		out[b.ID] = b
	}
	return out, nil
}

func boardsFromRows(rows []boardRow) []*corkboard.Board {
	out := make([]*corkboard.Board, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out
}

func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// unique returns ids without duplicates (and never an empty IN list).
func unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		out = append(out, 0)
	}
	return out
}
