package storage

import (
	"context"
	"errors"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type objectRecipientRow struct {
	ObjectIRI string `gorm:"primaryKey"`
	Inbox     string `gorm:"primaryKey"`
}

func (objectRecipientRow) TableName() string { return "object_recipients" }

// RecordRecipients remembers which inboxes received (or interacted with)
// an object, so that its Delete reaches them all, not only today's
// followers.
func (db *DB) RecordRecipients(ctx context.Context, objectIRI string, inboxes []string) error {
	if len(inboxes) == 0 {
		return nil
	}
	rows := make([]objectRecipientRow, len(inboxes))
	for i, in := range inboxes {
		rows[i] = objectRecipientRow{ObjectIRI: objectIRI, Inbox: in}
	}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 500).Error
	return translate("record recipients", "recipients", err)
}

// ObjectRecipients lists the inboxes that received an object.
func (db *DB) ObjectRecipients(ctx context.Context, objectIRI string) ([]string, error) {
	var inboxes []string
	err := db.gorm.WithContext(ctx).Model(&objectRecipientRow{}).Where("object_iri = ?", objectIRI).
		Order("inbox").Pluck("inbox", &inboxes).Error
	return inboxes, translate("object recipients", "recipients", err)
}

type hostRow struct {
	Host             string `gorm:"primaryKey"`
	Failures         int
	FirstFailureAt   *time.Time
	UnavailableSince *time.Time
	LastSuccessAt    *time.Time
}

func (hostRow) TableName() string { return "hosts" }

func (r *hostRow) domain() *corkboard.HostHealth {
	return &corkboard.HostHealth{Host: r.Host, Failures: r.Failures, FirstFailureAt: derefTime(r.FirstFailureAt),
		UnavailableSince: derefTime(r.UnavailableSince), LastSuccessAt: derefTime(r.LastSuccessAt)}
}

// HostHealth returns what delivery knows of a host; an unknown host is
// healthy.
func (db *DB) HostHealth(ctx context.Context, host string) (*corkboard.HostHealth, error) {
	var r hostRow
	err := db.gorm.WithContext(ctx).Where("host = ?", host).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &corkboard.HostHealth{Host: host}, nil
	}
	if err != nil {
		return nil, translate("host health", "host", err)
	}
	return r.domain(), nil
}

// SaveHostHealth stores a host's delivery health.
func (db *DB) SaveHostHealth(ctx context.Context, h *corkboard.HostHealth) error {
	row := &hostRow{Host: h.Host, Failures: h.Failures, FirstFailureAt: optionalTime(h.FirstFailureAt),
		UnavailableSince: optionalTime(h.UnavailableSince), LastSuccessAt: optionalTime(h.LastSuccessAt)}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(row).Error
	return translate("save host health", "host", err)
}

// ListHostHealth lists hosts with delivery trouble (or all known hosts).
func (db *DB) ListHostHealth(ctx context.Context, unavailableOnly bool) ([]*corkboard.HostHealth, error) {
	q := db.gorm.WithContext(ctx).Order("host")
	if unavailableOnly {
		q = q.Where("unavailable_since IS NOT NULL")
	}
	var rows []hostRow
	err := q.Limit(10000).Find(&rows).Error
	out := make([]*corkboard.HostHealth, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, translate("list host health", "hosts", err)
}

type domainBlockRow struct {
	Domain    string `gorm:"primaryKey"`
	Severity  string
	Reason    string
	CreatedAt time.Time
}

func (domainBlockRow) TableName() string { return "domain_blocks" }

// DomainBlocks lists every domain block (a short list, cached by callers).
func (db *DB) DomainBlocks(ctx context.Context) ([]*corkboard.DomainBlock, error) {
	var rows []domainBlockRow
	err := db.gorm.WithContext(ctx).Order("domain").Find(&rows).Error
	out := make([]*corkboard.DomainBlock, len(rows))
	for i, r := range rows {
		out[i] = &corkboard.DomainBlock{Domain: r.Domain, Severity: corkboard.BlockSeverity(r.Severity), Reason: r.Reason, CreatedAt: r.CreatedAt}
	}
	return out, translate("domain blocks", "domain blocks", err)
}

// SaveDomainBlock adds or changes a domain block.
func (db *DB) SaveDomainBlock(ctx context.Context, b *corkboard.DomainBlock) error {
	row := &domainBlockRow{Domain: b.Domain, Severity: string(b.Severity), Reason: b.Reason, CreatedAt: b.CreatedAt.UTC()}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "domain"}}, DoUpdates: clause.AssignmentColumns([]string{"severity", "reason"}),
	}).Create(row).Error
	return translate("save domain block", "domain block", err)
}

// DeleteDomainBlock lifts a domain block.
func (db *DB) DeleteDomainBlock(ctx context.Context, domain string) error {
	res := db.gorm.WithContext(ctx).Where("domain = ?", domain).Delete(&domainBlockRow{})
	return rowsAffected("delete domain block", "domain block for "+domain, res.Error, res.RowsAffected)
}

type shareRow struct {
	ID        int64
	AccountID int64
	PinID     int64
	IRI       string `gorm:"column:iri"`
	CreatedAt time.Time
}

func (shareRow) TableName() string { return "shares" }

// AddShare records a remote Announce of a pin; created is false when the
// same actor already shared it.
func (db *DB) AddShare(ctx context.Context, s *corkboard.Share) (bool, error) {
	row := &shareRow{AccountID: s.AccountID, PinID: s.PinID, IRI: s.IRI, CreatedAt: s.CreatedAt.UTC()}
	res := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(row)
	if res.Error != nil || res.RowsAffected == 0 {
		return false, translate("add share", "share", res.Error)
	}
	s.ID = row.ID
	return true, nil
}

// ShareByIRI finds a share by its Announce id.
func (db *DB) ShareByIRI(ctx context.Context, iri string) (*corkboard.Share, error) {
	var r shareRow
	if err := db.gorm.WithContext(ctx).Where("iri = ?", iri).Take(&r).Error; err != nil {
		return nil, translate("share by iri", "share", err)
	}
	return &corkboard.Share{ID: r.ID, AccountID: r.AccountID, PinID: r.PinID, IRI: r.IRI, CreatedAt: r.CreatedAt}, nil
}

// DeleteShare removes a share.
func (db *DB) DeleteShare(ctx context.Context, id int64) error {
	res := db.gorm.WithContext(ctx).Delete(&shareRow{}, id)
	return rowsAffected("delete share", "share", res.Error, res.RowsAffected)
}
