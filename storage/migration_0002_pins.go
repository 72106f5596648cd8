package storage

import (
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0002Pins creates boards, pins, tags, likes, comments, follows,
// materialised home feeds and pin search. Frozen: do not edit.
func migration0002Pins() *gormigrate.Migration {
	type account struct{ ID int64 }
	type board struct {
		ID          int64     `gorm:"primaryKey;autoIncrement"`
		AccountID   int64     `gorm:"not null;uniqueIndex:idx_boards_account_slug,priority:1"`
		Slug        string    `gorm:"size:64;not null;uniqueIndex:idx_boards_account_slug,priority:2"`
		Title       string    `gorm:"size:255;not null"`
		Description string    `gorm:"type:text;not null;default:''"`
		Secret      bool      `gorm:"not null;default:false"`
		CoverPinID  *int64    // no foreign key: pins refer to boards; DeletePin clears it
		IRI         *string   `gorm:"column:iri;size:2048;uniqueIndex"`
		PinCount    int       `gorm:"not null;default:0"`
		CreatedAt   time.Time `gorm:"not null"`
		UpdatedAt   time.Time `gorm:"not null"`
		Account     account   `gorm:"constraint:OnDelete:CASCADE"`
	}
	type pin struct {
		ID               int64     `gorm:"primaryKey;autoIncrement"`
		AccountID        int64     `gorm:"not null"`
		BoardID          int64     `gorm:"not null"`
		Title            string    `gorm:"size:255;not null;default:''"`
		Description      string    `gorm:"type:text;not null;default:''"`
		AltText          string    `gorm:"type:text;not null;default:''"`
		Link             string    `gorm:"size:2048;not null;default:''"`
		ImageKey         string    `gorm:"size:255;not null;index"`
		ImageContentType string    `gorm:"size:64;not null"`
		ImageWidth       int       `gorm:"not null"`
		ImageHeight      int       `gorm:"not null"`
		ImageBlurhash    string    `gorm:"size:255;not null;default:''"`
		ImageColor       string    `gorm:"size:16;not null;default:''"`
		ImageVariants    string    `gorm:"type:text;not null;default:'[]'"` // JSON
		SavedFromID      *int64    `gorm:"index"`
		Secret           bool      `gorm:"not null;default:false"`
		SaveCount        int       `gorm:"not null;default:0"`
		LikeCount        int       `gorm:"not null;default:0"`
		CommentCount     int       `gorm:"not null;default:0"`
		TagsText         string    `gorm:"type:text;not null;default:''"`
		IRI              *string   `gorm:"column:iri;size:2048;uniqueIndex"`
		CreatedAt        time.Time `gorm:"not null"`
		UpdatedAt        time.Time `gorm:"not null"`
		// Composite (owner, id) indexes, made below, serve keyset pages.
		Account   account `gorm:"constraint:OnDelete:CASCADE"`
		Board     board   `gorm:"constraint:OnDelete:CASCADE"`
		SavedFrom *pin    `gorm:"foreignKey:SavedFromID;constraint:OnDelete:SET NULL"`
	}
	type pinTag struct {
		Tag   string `gorm:"primaryKey;size:64"`
		PinID int64  `gorm:"primaryKey;index"`
		Pin   pin    `gorm:"constraint:OnDelete:CASCADE"`
	}
	type like struct {
		AccountID int64     `gorm:"primaryKey"`
		PinID     int64     `gorm:"primaryKey;index"`
		CreatedAt time.Time `gorm:"not null"`
		Account   account   `gorm:"constraint:OnDelete:CASCADE"`
		Pin       pin       `gorm:"constraint:OnDelete:CASCADE"`
	}
	type comment struct {
		ID        int64     `gorm:"primaryKey;autoIncrement"`
		PinID     int64     `gorm:"not null"`
		AccountID int64     `gorm:"not null;index"`
		Text      string    `gorm:"type:text;not null"`
		IRI       *string   `gorm:"column:iri;size:2048;uniqueIndex"`
		CreatedAt time.Time `gorm:"not null"`
		Pin       pin       `gorm:"constraint:OnDelete:CASCADE"`
		Account   account   `gorm:"constraint:OnDelete:CASCADE"`
	}
	type follow struct {
		ID              int64     `gorm:"primaryKey;autoIncrement"`
		FollowerID      int64     `gorm:"not null;index"`
		TargetAccountID *int64    `gorm:"index"`
		TargetBoardID   *int64    `gorm:"index"`
		Pending         bool      `gorm:"not null;default:false"`
		IRI             *string   `gorm:"column:iri;size:2048;uniqueIndex"`
		CreatedAt       time.Time `gorm:"not null"`
		Follower        account   `gorm:"foreignKey:FollowerID;constraint:OnDelete:CASCADE"`
		TargetAccount   *account  `gorm:"foreignKey:TargetAccountID;constraint:OnDelete:CASCADE"`
		TargetBoard     *board    `gorm:"foreignKey:TargetBoardID;constraint:OnDelete:CASCADE"`
	}
	// feedEntry: a home feed is its entries in pin id order; the primary
	// key (account_id, pin_id) is also the index the feed page walks.
	type feedEntry struct {
		AccountID int64   `gorm:"primaryKey"`
		PinID     int64   `gorm:"primaryKey;index"`
		Account   account `gorm:"constraint:OnDelete:CASCADE"`
		Pin       pin     `gorm:"constraint:OnDelete:CASCADE"`
	}
	return &gormigrate.Migration{
		ID: "0002_pins",
		Migrate: func(tx *gorm.DB) error {
			if err := createTables(tx, &board{}, &pin{}, &pinTag{}, &like{}, &comment{}, &follow{}, &feedEntry{}); err != nil {
				return err
			}
			return execAll(tx, pinsExtraSQL(tx.Dialector.Name())...)
		},
	}
}

// pinsExtraSQL: what GORM tags cannot say: keyset indexes, partial unique
// indexes for follows (NULLs never collide in a plain unique index), and
// full-text search, which differs per database.
func pinsExtraSQL(dialect string) []string {
	common := []string{
		`CREATE INDEX idx_pins_board_keyset ON pins (board_id, id)`,
		`CREATE INDEX idx_pins_account_keyset ON pins (account_id, id)`,
		`CREATE INDEX idx_pins_public_keyset ON pins (secret, id)`,
		`CREATE INDEX idx_comments_pin_keyset ON comments (pin_id, id)`,
		`CREATE UNIQUE INDEX idx_follows_account ON follows (follower_id, target_account_id) WHERE target_account_id IS NOT NULL`,
		`CREATE UNIQUE INDEX idx_follows_board ON follows (follower_id, target_board_id) WHERE target_board_id IS NOT NULL`,
	}
	if dialect == "postgres" {
		return append(common,
			`ALTER TABLE pins ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || description || ' ' || tags_text)) STORED`,
			`CREATE INDEX idx_pins_search ON pins USING gin (search)`,
			`CREATE INDEX idx_boards_title_lower ON boards (lower(title))`,
		)
	}
	// SQLite: an FTS5 table whose rowid is the pin id, kept in step by the
	// pin store inside the same transactions as the pins.
	return append(common, `CREATE VIRTUAL TABLE pin_search USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')`)
}

func execAll(tx *gorm.DB, stmts ...string) error {
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return fmt.Errorf("exec %q: %w", s, err)
		}
	}
	return nil
}
