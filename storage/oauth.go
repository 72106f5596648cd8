package storage

import (
	"context"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"gorm.io/gorm"
)

type oauthAppRow struct {
	ID               int64
	ClientID         string
	ClientSecretHash string
	Name             string
	RedirectURIs     string `gorm:"column:redirect_uris"`
	Scopes           string
	Website          string
	CreatedAt        time.Time
}

func (oauthAppRow) TableName() string { return "oauth_apps" }

func (r *oauthAppRow) domain() *corkboard.App {
	return &corkboard.App{ID: r.ID, ClientID: r.ClientID, ClientSecretHash: r.ClientSecretHash, Name: r.Name,
		RedirectURIs: strings.Split(r.RedirectURIs, "\n"), Scopes: r.Scopes, Website: r.Website, CreatedAt: r.CreatedAt}
}

type oauthAuthCodeRow struct {
	ID                  int64
	CodeHash            string
	AppID               int64
	AccountID           int64
	RedirectURI         string
	Scopes              string
	CodeChallenge       string
	CodeChallengeMethod string
	ExpiresAt           time.Time
	UsedAt              *time.Time
	CreatedAt           time.Time
}

func (oauthAuthCodeRow) TableName() string { return "oauth_auth_codes" }

type oauthTokenRow struct {
	ID          int64
	AccessHash  string
	RefreshHash *string
	AppID       *int64
	AccountID   *int64
	AuthCodeID  *int64
	Scopes      string
	ExpiresAt   *time.Time
	RevokedAt   *time.Time
	CreatedAt   time.Time
}

func (oauthTokenRow) TableName() string { return "oauth_tokens" }

func (r *oauthTokenRow) domain() *corkboard.Token {
	t := &corkboard.Token{ID: r.ID, AccessHash: r.AccessHash, Scopes: r.Scopes, CreatedAt: r.CreatedAt}
	if r.RefreshHash != nil {
		t.RefreshHash = *r.RefreshHash
	}
	t.AppID, t.AccountID, t.AuthCodeID = deref(r.AppID), deref(r.AccountID), deref(r.AuthCodeID)
	if r.ExpiresAt != nil {
		t.ExpiresAt = *r.ExpiresAt
	}
	if r.RevokedAt != nil {
		t.RevokedAt = *r.RevokedAt
	}
	return t
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// CreateApp registers an OAuth client.
func (db *DB) CreateApp(ctx context.Context, app *corkboard.App) error {
	row := &oauthAppRow{ClientID: app.ClientID, ClientSecretHash: app.ClientSecretHash, Name: app.Name,
		RedirectURIs: strings.Join(app.RedirectURIs, "\n"), Scopes: app.Scopes, Website: app.Website,
		CreatedAt: app.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create app", "app", err)
	}
	app.ID = row.ID
	return nil
}

// AppByClientID finds an OAuth client.
func (db *DB) AppByClientID(ctx context.Context, clientID string) (*corkboard.App, error) {
	var row oauthAppRow
	if err := db.gorm.WithContext(ctx).Where("client_id = ?", clientID).First(&row).Error; err != nil {
		return nil, translate("app by client id", "app", err)
	}
	return row.domain(), nil
}

// AppByID finds an OAuth client.
func (db *DB) AppByID(ctx context.Context, id int64) (*corkboard.App, error) {
	var row oauthAppRow
	if err := db.gorm.WithContext(ctx).First(&row, id).Error; err != nil {
		return nil, translate("app by id", "app", err)
	}
	return row.domain(), nil
}

// CreateAuthCode stores an authorization code.
func (db *DB) CreateAuthCode(ctx context.Context, c *corkboard.AuthCode) error {
	row := &oauthAuthCodeRow{CodeHash: c.CodeHash, AppID: c.AppID, AccountID: c.AccountID, RedirectURI: c.RedirectURI,
		Scopes: c.Scopes, CodeChallenge: c.CodeChallenge, CodeChallengeMethod: c.CodeChallengeMethod,
		ExpiresAt: c.ExpiresAt.UTC(), CreatedAt: c.CreatedAt.UTC()}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create auth code", "authorization code", err)
	}
	c.ID = row.ID
	return nil
}

// UseAuthCode marks a code used in one conditional UPDATE, so two
// concurrent exchanges cannot both succeed; the loser gets ECONFLICT.
func (db *DB) UseAuthCode(ctx context.Context, codeHash string, now time.Time) (*corkboard.AuthCode, error) {
	var row oauthAuthCodeRow
	if err := db.gorm.WithContext(ctx).Where("code_hash = ?", codeHash).First(&row).Error; err != nil {
		return nil, translate("use auth code", "authorization code", err)
	}
	c := &corkboard.AuthCode{ID: row.ID, CodeHash: row.CodeHash, AppID: row.AppID, AccountID: row.AccountID,
		RedirectURI: row.RedirectURI, Scopes: row.Scopes, CodeChallenge: row.CodeChallenge,
		CodeChallengeMethod: row.CodeChallengeMethod, ExpiresAt: row.ExpiresAt, CreatedAt: row.CreatedAt}
	res := db.gorm.WithContext(ctx).Model(&oauthAuthCodeRow{}).
		Where("id = ? AND used_at IS NULL", row.ID).Update("used_at", now.UTC())
	if res.Error != nil {
		return nil, translate("use auth code", "authorization code", res.Error)
	}
	if res.RowsAffected == 0 {
		return c, corkboard.Errorf(corkboard.ECONFLICT, "authorization code was already used")
	}
	c.UsedAt = now
	return c, nil
}

// CreateToken stores an access token.
func (db *DB) CreateToken(ctx context.Context, t *corkboard.Token) error {
	row := &oauthTokenRow{AccessHash: t.AccessHash, AppID: optionalID(t.AppID), AccountID: optionalID(t.AccountID),
		AuthCodeID: optionalID(t.AuthCodeID), Scopes: t.Scopes, ExpiresAt: optionalTime(t.ExpiresAt),
		CreatedAt: t.CreatedAt.UTC()}
	if t.RefreshHash != "" {
		row.RefreshHash = &t.RefreshHash
	}
	if err := db.gorm.WithContext(ctx).Create(row).Error; err != nil {
		return translate("create token", "token", err)
	}
	t.ID = row.ID
	return nil
}

// TokenByAccessHash finds a token by its access secret's hash.
func (db *DB) TokenByAccessHash(ctx context.Context, hash string) (*corkboard.Token, error) {
	return db.tokenWhere(ctx, "access_hash = ?", hash)
}

// TokenByRefreshHash finds a token by its refresh secret's hash.
func (db *DB) TokenByRefreshHash(ctx context.Context, hash string) (*corkboard.Token, error) {
	return db.tokenWhere(ctx, "refresh_hash = ?", hash)
}

func (db *DB) tokenWhere(ctx context.Context, cond string, arg any) (*corkboard.Token, error) {
	var row oauthTokenRow
	if err := db.gorm.WithContext(ctx).Where(cond, arg).First(&row).Error; err != nil {
		return nil, translate("token", "token", err)
	}
	return row.domain(), nil
}

// RevokeToken revokes one token; revoking a revoked token is not an error.
func (db *DB) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	return db.revokeWhere(ctx, "id = ?", id, now)
}

// RevokeTokensFromCode revokes every token issued from an authorization code,
// as RFC 6749 §4.1.2 advises when a code is replayed.
func (db *DB) RevokeTokensFromCode(ctx context.Context, authCodeID int64, now time.Time) error {
	return db.revokeWhere(ctx, "auth_code_id = ?", authCodeID, now)
}

func (db *DB) revokeWhere(ctx context.Context, cond string, arg any, now time.Time) error {
	err := db.gorm.WithContext(ctx).Model(&oauthTokenRow{}).Where(cond, arg).Where("revoked_at IS NULL").
		Update("revoked_at", gorm.Expr("?", now.UTC())).Error
	return translate("revoke token", "token", err)
}

// RevokeLiveToken revokes a live token in one conditional UPDATE; when it
// changes no row the token was revoked already (or never existed), and the
// caller that lost the race gets ECONFLICT.
func (db *DB) RevokeLiveToken(ctx context.Context, id int64, now time.Time) error {
	res := db.gorm.WithContext(ctx).Model(&oauthTokenRow{}).Where("id = ? AND revoked_at IS NULL", id).
		Update("revoked_at", gorm.Expr("?", now.UTC()))
	if res.Error != nil {
		return translate("revoke live token", "token", res.Error)
	}
	if res.RowsAffected == 0 {
		return corkboard.Errorf(corkboard.ECONFLICT, "token was already revoked")
	}
	return nil
}
