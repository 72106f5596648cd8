package storage

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type pinRow struct {
	ID               int64
	AccountID        int64
	BoardID          int64
	Title            string
	Description      string
	AltText          string
	Link             string
	ImageKey         string
	ImageContentType string
	ImageWidth       int
	ImageHeight      int
	ImageBlurhash    string
	ImageColor       string
	ImageVariants    string
	SavedFromID      *int64
	Secret           bool
	SaveCount        int
	LikeCount        int
	CommentCount     int
	TagsText         string
	IRI              *string `gorm:"column:iri"`
	PageURL          string
	RemoteImageURL   string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (pinRow) TableName() string { return "pins" }

// pinColumns lists pins' columns without PostgreSQL's generated search
// vector, which pages never need.
const pinColumns = `pins.id, pins.account_id, pins.board_id, pins.title, pins.description, pins.alt_text, pins.link,
	pins.image_key, pins.image_content_type, pins.image_width, pins.image_height, pins.image_blurhash, pins.image_color,
	pins.image_variants, pins.saved_from_id, pins.secret, pins.save_count, pins.like_count, pins.comment_count,
	pins.tags_text, pins.iri, pins.page_url, pins.remote_image_url, pins.created_at, pins.updated_at`

func (r *pinRow) domain() *corkboard.Pin {
	p := &corkboard.Pin{ID: r.ID, AccountID: r.AccountID, BoardID: r.BoardID, Title: r.Title, Description: r.Description,
		AltText: r.AltText, Link: r.Link, SavedFromID: deref(r.SavedFromID), Secret: r.Secret, SaveCount: r.SaveCount,
		LikeCount: r.LikeCount, CommentCount: r.CommentCount, Tags: strings.Fields(r.TagsText),
		PageURL: r.PageURL, RemoteImageURL: r.RemoteImageURL, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		Image: corkboard.Image{Key: r.ImageKey, ContentType: r.ImageContentType, Width: r.ImageWidth,
			Height: r.ImageHeight, Blurhash: r.ImageBlurhash, Color: r.ImageColor}}
	_ = json.Unmarshal([]byte(r.ImageVariants), &p.Image.Variants) // written by us; an error leaves no thumbnails
	if r.IRI != nil {
		p.IRI = *r.IRI
	}
	return p
}

func pinRowFrom(p *corkboard.Pin) *pinRow {
	variants, _ := json.Marshal(p.Image.Variants)
	return &pinRow{ID: p.ID, AccountID: p.AccountID, BoardID: p.BoardID, Title: p.Title, Description: p.Description,
		AltText: p.AltText, Link: p.Link, ImageKey: p.Image.Key, ImageContentType: p.Image.ContentType,
		ImageWidth: p.Image.Width, ImageHeight: p.Image.Height, ImageBlurhash: p.Image.Blurhash, ImageColor: p.Image.Color,
		ImageVariants: string(variants), SavedFromID: optionalID(p.SavedFromID), Secret: p.Secret,
		SaveCount: p.SaveCount, LikeCount: p.LikeCount, CommentCount: p.CommentCount,
		TagsText: strings.Join(p.Tags, " "), IRI: optionalString(p.IRI), PageURL: p.PageURL, RemoteImageURL: p.RemoteImageURL,
		CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC()}
}

type pinTagRow struct {
	Tag   string
	PinID int64
}

func (pinTagRow) TableName() string { return "pin_tags" }

// CreatePin inserts a pin with its tags and search entry and counts it on
// its board, in one transaction.
func (db *DB) CreatePin(ctx context.Context, p *corkboard.Pin) error {
	row := pinRowFrom(p)
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("search").Create(row).Error; err != nil {
			return err
		}
		p.ID = row.ID
		if err := db.writePinIndexes(tx, p, false); err != nil {
			return err
		}
		return tx.Exec(`UPDATE boards SET pin_count = pin_count + 1, updated_at = ? WHERE id = ?`, row.CreatedAt, p.BoardID).Error
	})
	return translate("create pin", "pin", err)
}

// writePinIndexes (re)writes a pin's tags and its SQLite search row.
func (db *DB) writePinIndexes(tx *gorm.DB, p *corkboard.Pin, replace bool) error {
	if replace {
		if err := tx.Where("pin_id = ?", p.ID).Delete(&pinTagRow{}).Error; err != nil {
			return err
		}
	}
	if len(p.Tags) > 0 {
		tags := make([]pinTagRow, len(p.Tags))
		for i, t := range p.Tags {
			tags[i] = pinTagRow{Tag: t, PinID: p.ID}
		}
		if err := tx.Create(&tags).Error; err != nil {
			return err
		}
	}
	if db.dialect != "sqlite" {
		return nil // PostgreSQL's search vector is a generated column
	}
	if replace {
		if err := tx.Exec(`DELETE FROM pin_search WHERE rowid = ?`, p.ID).Error; err != nil {
			return err
		}
	}
	body := p.Title + " " + p.Description + " " + strings.Join(p.Tags, " ")
	return tx.Exec(`INSERT INTO pin_search (rowid, body) VALUES (?, ?)`, p.ID, body).Error
}

// UpdatePin saves a pin's text and board, moving its count between boards.
func (db *DB) UpdatePin(ctx context.Context, p *corkboard.Pin) error {
	var old pinRow
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Select("id, board_id").Take(&old, p.ID).Error; err != nil {
			return err
		}
		r := pinRowFrom(p)
		err := tx.Model(&pinRow{}).Where("id = ?", p.ID).Updates(map[string]any{
			"title": r.Title, "description": r.Description, "alt_text": r.AltText, "link": r.Link,
			"board_id": r.BoardID, "secret": r.Secret, "tags_text": r.TagsText, "updated_at": r.UpdatedAt}).Error
		if err != nil {
			return err
		}
		if old.BoardID != p.BoardID {
			if err := moveBoardCount(tx, p.ID, old.BoardID, p.BoardID); err != nil {
				return err
			}
		}
		return db.writePinIndexes(tx, p, true)
	})
	return translate("update pin", "pin", err)
}

func moveBoardCount(tx *gorm.DB, pinID, from, to int64) error {
	if err := tx.Exec(`UPDATE boards SET pin_count = pin_count - 1,
		cover_pin_id = CASE WHEN cover_pin_id = ? THEN NULL ELSE cover_pin_id END WHERE id = ?`, pinID, from).Error; err != nil {
		return err
	}
	return tx.Exec(`UPDATE boards SET pin_count = pin_count + 1 WHERE id = ?`, to).Error
}

// DeletePin deletes a pin; tags, likes, comments and feed entries cascade.
func (db *DB) DeletePin(ctx context.Context, id int64) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row pinRow
		if err := tx.Select("id, board_id, saved_from_id").Take(&row, id).Error; err != nil {
			return err
		}
		stmts := []struct {
			sql  string
			args []any
		}{
			{`UPDATE boards SET pin_count = pin_count - 1 WHERE id = ?`, []any{row.BoardID}},
			{`UPDATE boards SET cover_pin_id = NULL WHERE cover_pin_id = ?`, []any{id}},
			{`UPDATE pins SET save_count = save_count - 1 WHERE id = ?`, []any{deref(row.SavedFromID)}},
		}
		if db.dialect == "sqlite" {
			stmts = append(stmts, struct {
				sql  string
				args []any
			}{`DELETE FROM pin_search WHERE rowid = ?`, []any{id}})
		}
		for _, s := range stmts {
			if err := tx.Exec(s.sql, s.args...).Error; err != nil {
				return err
			}
		}
		return tx.Delete(&pinRow{}, id).Error
	})
	return translate("delete pin", "pin", err)
}

// PinByID finds a pin.
func (db *DB) PinByID(ctx context.Context, id int64) (*corkboard.Pin, error) {
	var row pinRow
	if err := db.gorm.WithContext(ctx).Select(pinColumns).Take(&row, id).Error; err != nil {
		return nil, translate("pin", "pin", err)
	}
	return row.domain(), nil
}

// PinsByIDs loads pins in one query.
func (db *DB) PinsByIDs(ctx context.Context, ids []int64) (map[int64]*corkboard.Pin, error) {
	var rows []pinRow
	if err := db.gorm.WithContext(ctx).Select(pinColumns).Where("id IN ?", unique(ids)).Find(&rows).Error; err != nil {
		return nil, translate("pins by ids", "pins", err)
	}
	out := make(map[int64]*corkboard.Pin, len(rows))
	for i := range rows {
		out[rows[i].ID] = rows[i].domain()
	}
	return out, nil
}

// SetBoardSecret copies a board's secrecy onto its pins.
func (db *DB) SetBoardSecret(ctx context.Context, boardID int64, secret bool) error {
	err := db.gorm.WithContext(ctx).Model(&pinRow{}).Where("board_id = ?", boardID).Update("secret", secret).Error
	return translate("set board secret", "pins", err)
}

// AdjustPinCounts adds to a pin's save, like and comment counts.
func (db *DB) AdjustPinCounts(ctx context.Context, pinID int64, saves, likes, comments int) error {
	err := db.gorm.WithContext(ctx).Exec(`UPDATE pins SET save_count = save_count + ?, like_count = like_count + ?,
		comment_count = comment_count + ? WHERE id = ?`, saves, likes, comments, pinID).Error
	return translate("adjust pin counts", "pin", err)
}

// ImageInUse reports whether any pin shows the image stored under key.
func (db *DB) ImageInUse(ctx context.Context, key string) (bool, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&pinRow{}).Where("image_key = ?", key).Limit(1).Count(&n).Error
	return n > 0, translate("image in use", "pin", err)
}
