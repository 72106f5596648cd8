package storage

import (
	"context"
	"errors"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type likeRow struct {
	AccountID int64 `gorm:"primaryKey"`
	PinID     int64 `gorm:"primaryKey"`
	CreatedAt time.Time
}

func (likeRow) TableName() string { return "likes" }

// AddLike records a like; created is false when it already existed.
func (db *DB) AddLike(ctx context.Context, accountID, pinID int64, now time.Time) (bool, error) {
	res := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&likeRow{AccountID: accountID, PinID: pinID, CreatedAt: now.UTC()})
	return res.RowsAffected == 1, translate("add like", "like", res.Error)
}

// RemoveLike deletes a like and returns when it was made; zero when there
// was none (or another request removed it first).
func (db *DB) RemoveLike(ctx context.Context, accountID, pinID int64) (time.Time, error) {
	var row likeRow
	err := db.gorm.WithContext(ctx).Where("account_id = ? AND pin_id = ?", accountID, pinID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return time.Time{}, nil
	} else if err != nil {
		return time.Time{}, translate("remove like", "like", err)
	}
	res := db.gorm.WithContext(ctx).Where("account_id = ? AND pin_id = ?", accountID, pinID).Delete(&likeRow{})
	if res.Error != nil || res.RowsAffected == 0 {
		return time.Time{}, translate("remove like", "like", res.Error)
	}
	return row.CreatedAt, nil
}

// LikedPins reports which of pinIDs the account likes.
func (db *DB) LikedPins(ctx context.Context, accountID int64, pinIDs []int64) (map[int64]bool, error) {
	var ids []int64
	err := db.gorm.WithContext(ctx).Model(&likeRow{}).Where("account_id = ? AND pin_id IN ?", accountID, unique(pinIDs)).
		Pluck("pin_id", &ids).Error
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, translate("liked pins", "likes", err)
}

type commentRow struct {
	ID        int64
	PinID     int64
	AccountID int64
	Text      string
	IRI       *string `gorm:"column:iri"`
	CreatedAt time.Time
}

func (commentRow) TableName() string { return "comments" }

func (r *commentRow) domain() *corkboard.Comment {
	c := &corkboard.Comment{ID: r.ID, PinID: r.PinID, AccountID: r.AccountID, Text: r.Text, CreatedAt: r.CreatedAt}
	if r.IRI != nil {
		c.IRI = *r.IRI
	}
	return c
}

// CreateComment inserts a comment and sets its ID.
func (db *DB) CreateComment(ctx context.Context, c *corkboard.Comment) error {
	row := &commentRow{PinID: c.PinID, AccountID: c.AccountID, Text: c.Text, IRI: optionalString(c.IRI), CreatedAt: c.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create comment", "comment", err)
	}
	c.ID = row.ID
	return nil
}

// CommentByID finds a comment.
func (db *DB) CommentByID(ctx context.Context, id int64) (*corkboard.Comment, error) {
	var row commentRow
	if err := db.gorm.WithContext(ctx).Take(&row, id).Error; err != nil {
		return nil, translate("comment", "comment", err)
	}
	return row.domain(), nil
}

// DeleteComment deletes a comment.
func (db *DB) DeleteComment(ctx context.Context, id int64) error {
	res := db.gorm.WithContext(ctx).Delete(&commentRow{}, id)
	return rowsAffected("delete comment", "comment", res.Error, res.RowsAffected)
}

// ListComments lists a pin's comments oldest first.
func (db *DB) ListComments(ctx context.Context, pinID, afterID int64, limit int) ([]*corkboard.Comment, error) {
	var rows []commentRow
	err := db.gorm.WithContext(ctx).Where("pin_id = ? AND id > ?", pinID, afterID).Order("id").Limit(limit).Find(&rows).Error
	out := make([]*corkboard.Comment, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list comments", "comments", err)
}
