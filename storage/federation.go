package storage

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type actorKeyRow struct {
	KeyID         string `gorm:"primaryKey"`
	OwnerIRI      string
	PublicKeyPEM  string `gorm:"column:public_key_pem"`
	PrivateKeyPEM string `gorm:"column:private_key_pem"`
	FetchedAt     time.Time
	CreatedAt     time.Time
}

func (actorKeyRow) TableName() string { return "actor_keys" }

func (r *actorKeyRow) domain() *corkboard.ActorKey {
	return &corkboard.ActorKey{KeyID: r.KeyID, OwnerIRI: r.OwnerIRI, PublicKeyPEM: r.PublicKeyPEM,
		PrivateKeyPEM: r.PrivateKeyPEM, FetchedAt: r.FetchedAt, CreatedAt: r.CreatedAt}
}

// SaveKey stores a key, replacing an earlier one with the same id (a
// refetch after rotation).
func (db *DB) SaveKey(ctx context.Context, k *corkboard.ActorKey) error {
	row := &actorKeyRow{KeyID: k.KeyID, OwnerIRI: k.OwnerIRI, PublicKeyPEM: k.PublicKeyPEM,
		PrivateKeyPEM: k.PrivateKeyPEM, FetchedAt: k.FetchedAt.UTC(), CreatedAt: k.CreatedAt.UTC()}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"owner_iri", "public_key_pem", "fetched_at"}),
	}).Create(row).Error
	return translate("save key", "key", err)
}

// KeyByID finds a key by its id.
func (db *DB) KeyByID(ctx context.Context, keyID string) (*corkboard.ActorKey, error) {
	var row actorKeyRow
	if err := db.gorm.WithContext(ctx).Where("key_id = ?", keyID).Take(&row).Error; err != nil {
		return nil, translate("key by id", "key", err)
	}
	return row.domain(), nil
}

// KeyByOwner finds an actor's newest key.
func (db *DB) KeyByOwner(ctx context.Context, ownerIRI string) (*corkboard.ActorKey, error) {
	var row actorKeyRow
	err := db.gorm.WithContext(ctx).Where("owner_iri = ?", ownerIRI).Order("created_at DESC").Take(&row).Error
	if err != nil {
		return nil, translate("key by owner", "key", err)
	}
	return row.domain(), nil
}

type inboxActivityRow struct {
	ID           int64
	IRI          string `gorm:"column:iri"`
	Type         string
	ActorIRI     string
	SignerKeyID  string
	RecipientIDs string
	Raw          string
	ReceivedAt   time.Time
	ProcessedAt  *time.Time
	LastError    string
}

func (inboxActivityRow) TableName() string { return "inbox_activities" }

// SaveInboxActivity stores a received activity once; a redelivery of the
// same id is reported with created == false and changes nothing.
func (db *DB) SaveInboxActivity(ctx context.Context, a *corkboard.InboxActivity) (bool, error) {
	ids := make([]string, len(a.RecipientIDs))
	for i, id := range a.RecipientIDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	row := &inboxActivityRow{IRI: a.IRI, Type: a.Type, ActorIRI: a.ActorIRI, SignerKeyID: a.SignerKeyID,
		RecipientIDs: strings.Join(ids, ","), Raw: string(a.Raw), ReceivedAt: a.ReceivedAt.UTC()}
	res := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(row)
	if res.Error != nil {
		return false, translate("save inbox activity", "activity", res.Error)
	}
	if res.RowsAffected == 0 {
		return false, nil
	}
	a.ID = row.ID
	return true, nil
}

// InboxActivityByID loads a stored activity.
func (db *DB) InboxActivityByID(ctx context.Context, id int64) (*corkboard.InboxActivity, error) {
	var r inboxActivityRow
	if err := db.gorm.WithContext(ctx).Take(&r, id).Error; err != nil {
		return nil, translate("inbox activity", "activity", err)
	}
	a := &corkboard.InboxActivity{ID: r.ID, IRI: r.IRI, Type: r.Type, ActorIRI: r.ActorIRI, SignerKeyID: r.SignerKeyID,
		Raw: []byte(r.Raw), ReceivedAt: r.ReceivedAt, ProcessedAt: derefTime(r.ProcessedAt), LastError: r.LastError}
	for _, s := range strings.Split(r.RecipientIDs, ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			a.RecipientIDs = append(a.RecipientIDs, id)
		}
	}
	return a, nil
}

// MarkInboxActivity records the outcome of processing an activity.
func (db *DB) MarkInboxActivity(ctx context.Context, id int64, processedAt time.Time, lastError string) error {
	res := db.gorm.WithContext(ctx).Model(&inboxActivityRow{}).Where("id = ?", id).
		Updates(map[string]any{"processed_at": optionalTime(processedAt), "last_error": lastError})
	return rowsAffected("mark inbox activity", "activity", res.Error, res.RowsAffected)
}

type tombstoneRow struct {
	IRI       string `gorm:"column:iri;primaryKey"`
	DeletedAt time.Time
}

func (tombstoneRow) TableName() string { return "tombstones" }

// AddTombstone remembers that an object was deleted, so that a Create
// arriving after its Delete does not bring it back.
func (db *DB) AddTombstone(ctx context.Context, iri string, at time.Time) error {
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&tombstoneRow{IRI: iri, DeletedAt: at.UTC()}).Error
	return translate("add tombstone", "tombstone", err)
}

// IsTombstoned reports whether an object was deleted.
func (db *DB) IsTombstoned(ctx context.Context, iri string) (bool, error) {
	var row tombstoneRow
	err := db.gorm.WithContext(ctx).Where("iri = ?", iri).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	return err == nil, translate("is tombstoned", "tombstone", err)
}
