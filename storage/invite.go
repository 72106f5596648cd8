package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type inviteRow struct {
	ID        int64
	Code      string
	CreatedBy *int64
	MaxUses   int
	Uses      int
	ExpiresAt *time.Time
	CreatedAt time.Time
}

func (inviteRow) TableName() string { return "invites" }

func (r *inviteRow) domain() *corkboard.Invite {
	inv := &corkboard.Invite{ID: r.ID, Code: r.Code, MaxUses: r.MaxUses, Uses: r.Uses, CreatedAt: r.CreatedAt}
	if r.CreatedBy != nil {
		inv.CreatedBy = *r.CreatedBy
	}
	if r.ExpiresAt != nil {
		inv.ExpiresAt = *r.ExpiresAt
	}
	return inv
}

// CreateInvite inserts an invite and sets its ID.
func (db *DB) CreateInvite(ctx context.Context, inv *corkboard.Invite) error {
	row := &inviteRow{Code: inv.Code, MaxUses: inv.MaxUses, CreatedAt: inv.CreatedAt.UTC(),
		CreatedBy: optionalID(inv.CreatedBy), ExpiresAt: optionalTime(inv.ExpiresAt)}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create invite", "invite", err)
	}
	inv.ID = row.ID
	return nil
}

// InviteByCode finds an invite.
func (db *DB) InviteByCode(ctx context.Context, code string) (*corkboard.Invite, error) {
	var row inviteRow
	if err := db.gorm.WithContext(ctx).Where("code = ?", code).First(&row).Error; err != nil {
		return nil, translate("invite by code", "invite", err)
	}
	return row.domain(), nil
}

// UseInvite counts one use, in one statement, so that two sign-ups racing
// for the last use cannot both get it.
func (db *DB) UseInvite(ctx context.Context, code string, now time.Time) error {
	res := db.gorm.WithContext(ctx).Model(&inviteRow{}).
		Where("code = ? AND (max_uses = 0 OR uses < max_uses) AND (expires_at IS NULL OR expires_at > ?)", code, now.UTC()).
		Update("uses", gorm.Expr("uses + 1"))
	if res.Error != nil {
		return translate("use invite", "invite", res.Error)
	}
	if res.RowsAffected == 0 {
		return corkboard.Errorf(corkboard.EFORBIDDEN, "this invite code has expired or been used up")
	}
	return nil
}

// ListInvites lists invites, newest first.
func (db *DB) ListInvites(ctx context.Context) ([]*corkboard.Invite, error) {
	var rows []inviteRow
	if err := db.gorm.WithContext(ctx).Order("id DESC").Limit(1000).Find(&rows).Error; err != nil {
		return nil, translate("list invites", "invites", err)
	}
	out := make([]*corkboard.Invite, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
