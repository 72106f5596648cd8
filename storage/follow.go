package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type followRow struct {
	ID              int64
	FollowerID      int64
	TargetAccountID *int64
	TargetBoardID   *int64
	Pending         bool
	IRI             *string `gorm:"column:iri"`
	CreatedAt       time.Time
}

func (followRow) TableName() string { return "follows" }

// CreateFollow inserts a follow and sets its ID.
func (db *DB) CreateFollow(ctx context.Context, f *corkboard.Follow) error {
	row := &followRow{FollowerID: f.FollowerID, TargetAccountID: optionalID(f.TargetAccountID),
		TargetBoardID: optionalID(f.TargetBoardID), Pending: f.Pending, IRI: optionalString(f.IRI), CreatedAt: f.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create follow", "follow", err)
	}
	f.ID = row.ID
	return nil
}

// followTarget constrains a query to one follow target.
func followTarget(q *gorm.DB, accountID, boardID int64) *gorm.DB {
	if boardID != 0 {
		return q.Where("target_board_id = ?", boardID)
	}
	return q.Where("target_account_id = ?", accountID)
}

// DeleteFollow removes a follow; removed is false when there was none.
func (db *DB) DeleteFollow(ctx context.Context, followerID, accountID, boardID int64) (bool, error) {
	q := followTarget(db.gorm.WithContext(ctx).Where("follower_id = ?", followerID), accountID, boardID)
	res := q.Delete(&followRow{})
	return res.RowsAffected > 0, translate("delete follow", "follow", res.Error)
}

// FindFollow finds a follow.
func (db *DB) FindFollow(ctx context.Context, followerID, accountID, boardID int64) (*corkboard.Follow, error) {
	var r followRow
	q := followTarget(db.gorm.WithContext(ctx).Where("follower_id = ?", followerID), accountID, boardID)
	if err := q.Take(&r).Error; err != nil {
		return nil, translate("find follow", "follow", err)
	}
	return r.domain(), nil
}

// FollowsAmong finds a person's follows of any of the people and boards
// named, in one query.
func (db *DB) FollowsAmong(ctx context.Context, followerID int64, accountIDs, boardIDs []int64) ([]*corkboard.Follow, error) {
	if len(accountIDs) == 0 && len(boardIDs) == 0 {
		return nil, nil
	}
	accountIDs, boardIDs = unique(accountIDs), unique(boardIDs) // never an empty IN list
	var rows []followRow
	err := db.gorm.WithContext(ctx).Where("follower_id = ?", followerID).
		Where("target_account_id IN ? OR target_board_id IN ?", accountIDs, boardIDs).Find(&rows).Error
	out := make([]*corkboard.Follow, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("follows among", "follows", err)
}

// CountFollowers counts accepted followers of a person or board.
func (db *DB) CountFollowers(ctx context.Context, accountID, boardID int64) (int64, error) {
	var n int64
	q := followTarget(db.gorm.WithContext(ctx).Model(&followRow{}).Where("pending = ?", false), accountID, boardID)
	return n, translate("count followers", "follows", q.Count(&n).Error)
}

// CountFollowing counts the people and boards an account follows.
func (db *DB) CountFollowing(ctx context.Context, followerID int64) (int64, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&followRow{}).Where("follower_id = ? AND pending = ?", followerID, false).Count(&n).Error
	return n, translate("count following", "follows", err)
}
