package storage

import (
	"context"
	"time"

	"github.com/corkboard/corkboard"
)

// accountRow maps the accounts table.
type accountRow struct {
	ID           int64
	Username     string
	Domain       string
	DisplayName  string
	Bio          string
	Email        string
	PasswordHash string
	AvatarKey    string
	IsAdmin      bool
	Approved     bool
	Disabled     bool
	SignupNote   string
	CreatedAt    time.Time
	UpdatedAt    time.Time

	IRI              *string `gorm:"column:iri"`
	InboxURL         string
	SharedInboxURL   string
	OutboxURL        string
	FollowersURL     string
	FollowingURL     string
	FeaturedURL      string
	ProfileURL       string
	AvatarURL        string
	AvatarSmallKey   string
	ActorType        string
	ManuallyApproves bool
	FetchedAt        *time.Time
}

func (accountRow) TableName() string { return "accounts" }

func (r *accountRow) domain() *corkboard.Account {
	return &corkboard.Account{
		ID: r.ID, Username: r.Username, Domain: r.Domain, DisplayName: r.DisplayName, Bio: r.Bio,
		Email: r.Email, AvatarKey: r.AvatarKey, AvatarSmallKey: r.AvatarSmallKey, IsAdmin: r.IsAdmin, Approved: r.Approved,
		Disabled: r.Disabled, SignupNote: r.SignupNote, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		IRI: derefString(r.IRI), InboxURL: r.InboxURL, SharedInboxURL: r.SharedInboxURL, OutboxURL: r.OutboxURL,
		FollowersURL: r.FollowersURL, FollowingURL: r.FollowingURL, FeaturedURL: r.FeaturedURL, ProfileURL: r.ProfileURL,
		AvatarURL: r.AvatarURL, ActorType: r.ActorType, ManuallyApproves: r.ManuallyApproves, FetchedAt: derefTime(r.FetchedAt),
	}
}

func accountRowFrom(a *corkboard.Account) *accountRow {
	return &accountRow{
		ID: a.ID, Username: a.Username, Domain: a.Domain, DisplayName: a.DisplayName, Bio: a.Bio,
		Email: a.Email, AvatarKey: a.AvatarKey, AvatarSmallKey: a.AvatarSmallKey, IsAdmin: a.IsAdmin, Approved: a.Approved,
		Disabled: a.Disabled, SignupNote: a.SignupNote, CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
		IRI: optionalString(a.IRI), InboxURL: a.InboxURL, SharedInboxURL: a.SharedInboxURL, OutboxURL: a.OutboxURL,
		FollowersURL: a.FollowersURL, FollowingURL: a.FollowingURL, FeaturedURL: a.FeaturedURL, ProfileURL: a.ProfileURL,
		AvatarURL: a.AvatarURL, ActorType: a.ActorType, ManuallyApproves: a.ManuallyApproves, FetchedAt: optionalTime(a.FetchedAt),
	}
}

// CreateAccount inserts a and sets its ID.
func (db *DB) CreateAccount(ctx context.Context, a *corkboard.Account, passwordHash string) error {
	row := accountRowFrom(a)
	row.PasswordHash = passwordHash
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create account", "an account named "+a.Username, err)
	}
	a.ID = row.ID
	return nil
}

// AccountByID finds an account.
func (db *DB) AccountByID(ctx context.Context, id int64) (*corkboard.Account, error) {
	var row accountRow
	if err := db.gorm.WithContext(ctx).First(&row, id).Error; err != nil {
		return nil, translate("account by id", "account", err)
	}
	return row.domain(), nil
}

// AccountByUsername finds a local account.
func (db *DB) AccountByUsername(ctx context.Context, username string) (*corkboard.Account, error) {
	var row accountRow
	err := db.gorm.WithContext(ctx).Where("username = ? AND domain = ''", username).First(&row).Error
	if err != nil {
		return nil, translate("account by username", "account "+username, err)
	}
	return row.domain(), nil
}

// PasswordHash returns the stored hash of an account's password.
func (db *DB) PasswordHash(ctx context.Context, accountID int64) (string, error) {
	var row accountRow
	if err := db.gorm.WithContext(ctx).Select("password_hash").First(&row, accountID).Error; err != nil {
		return "", translate("password hash", "account", err)
	}
	return row.PasswordHash, nil
}

// SetPasswordHash replaces an account's password hash.
func (db *DB) SetPasswordHash(ctx context.Context, accountID int64, hash string) error {
	res := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("id = ?", accountID).
		Updates(map[string]any{"password_hash": hash, "updated_at": time.Now().UTC()})
	return rowsAffected("set password hash", "account", res.Error, res.RowsAffected)
}

// UpdateAccount saves the profile and status fields of a.
func (db *DB) UpdateAccount(ctx context.Context, a *corkboard.Account) error {
	r := accountRowFrom(a)
	res := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("id = ?", a.ID).Updates(map[string]any{
		"display_name": r.DisplayName, "bio": r.Bio, "email": r.Email, "avatar_key": r.AvatarKey,
		"is_admin": r.IsAdmin, "approved": r.Approved, "disabled": r.Disabled, "updated_at": r.UpdatedAt,
		"manually_approves": r.ManuallyApproves,
	})
	return rowsAffected("update account", "account", res.Error, res.RowsAffected)
}

// ListAccounts lists local accounts in id order, keyset-paginated.
func (db *DB) ListAccounts(ctx context.Context, f corkboard.AccountFilter) ([]*corkboard.Account, error) {
	q := db.gorm.WithContext(ctx).Where("domain = '' AND id > ?", f.AfterID).Order("id").Limit(f.Limit)
	if f.PendingOnly {
		q = q.Where("approved = ?", false)
	}
	var rows []accountRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, translate("list accounts", "accounts", err)
	}
	out := make([]*corkboard.Account, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// CountLocalAccounts counts accounts on this instance.
func (db *DB) CountLocalAccounts(ctx context.Context) (int64, error) {
	var n int64
	err := db.gorm.WithContext(ctx).Model(&accountRow{}).Where("domain = ''").Count(&n).Error
	return n, translate("count local accounts", "accounts", err)
}

func derefString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func derefTime(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

// rowsAffected turns "no row changed" into ENOTFOUND.
func rowsAffected(op, what string, err error, n int64) error {
	if err != nil {
		return translate(op, what, err)
	}
	if n == 0 {
		return corkboard.Errorf(corkboard.ENOTFOUND, "%s not found", what)
	}
	return nil
}
