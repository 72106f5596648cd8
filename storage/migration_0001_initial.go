package storage

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0001Initial creates accounts, settings, invites, browser sessions
// and OAuth. The structs below are frozen copies: do not edit them.
func migration0001Initial() *gormigrate.Migration {
	type account struct {
		ID           int64     `gorm:"primaryKey;autoIncrement"`
		Username     string    `gorm:"size:255;not null;uniqueIndex:idx_accounts_username_domain"`
		Domain       string    `gorm:"size:255;not null;default:'';uniqueIndex:idx_accounts_username_domain"`
		DisplayName  string    `gorm:"size:255;not null;default:''"`
		Bio          string    `gorm:"type:text;not null;default:''"`
		Email        string    `gorm:"size:320;not null;default:''"`
		PasswordHash string    `gorm:"size:255;not null;default:''"`
		AvatarKey    string    `gorm:"size:255;not null;default:''"`
		IsAdmin      bool      `gorm:"not null;default:false"`
		Approved     bool      `gorm:"not null;default:true"`
		Disabled     bool      `gorm:"not null;default:false"`
		SignupNote   string    `gorm:"type:text;not null;default:''"`
		CreatedAt    time.Time `gorm:"not null"`
		UpdatedAt    time.Time `gorm:"not null"`
	}
	type setting struct {
		Key   string `gorm:"primaryKey;size:100"`
		Value string `gorm:"type:text;not null;default:''"`
	}
	type invite struct {
		ID        int64  `gorm:"primaryKey;autoIncrement"`
		Code      string `gorm:"size:64;not null;uniqueIndex"`
		CreatedBy *int64 `gorm:"index"`
		MaxUses   int    `gorm:"not null;default:0"`
		Uses      int    `gorm:"not null;default:0"`
		ExpiresAt *time.Time
		CreatedAt time.Time `gorm:"not null"`
	}
	type session struct {
		ID         int64     `gorm:"primaryKey;autoIncrement"`
		TokenHash  string    `gorm:"size:64;not null;uniqueIndex"`
		AccountID  int64     `gorm:"not null;index"`
		UserAgent  string    `gorm:"size:255;not null;default:''"`
		CreatedAt  time.Time `gorm:"not null"`
		ExpiresAt  time.Time `gorm:"not null;index"`
		LastSeenAt time.Time `gorm:"not null"`
		Account    account   `gorm:"constraint:OnDelete:CASCADE"`
	}
	type oauthApp struct {
		ID               int64     `gorm:"primaryKey;autoIncrement"`
		ClientID         string    `gorm:"size:64;not null;uniqueIndex"`
		ClientSecretHash string    `gorm:"size:64;not null"`
		Name             string    `gorm:"size:255;not null"`
		RedirectURIs     string    `gorm:"type:text;not null"` // newline-separated
		Scopes           string    `gorm:"size:1000;not null"`
		Website          string    `gorm:"size:1000;not null;default:''"`
		CreatedAt        time.Time `gorm:"not null"`
	}
	type oauthAuthCode struct {
		ID                  int64     `gorm:"primaryKey;autoIncrement"`
		CodeHash            string    `gorm:"size:64;not null;uniqueIndex"`
		AppID               int64     `gorm:"not null;index"`
		AccountID           int64     `gorm:"not null;index"`
		RedirectURI         string    `gorm:"type:text;not null"`
		Scopes              string    `gorm:"size:1000;not null"`
		CodeChallenge       string    `gorm:"size:255;not null;default:''"`
		CodeChallengeMethod string    `gorm:"size:16;not null;default:''"`
		ExpiresAt           time.Time `gorm:"not null"`
		UsedAt              *time.Time
		CreatedAt           time.Time `gorm:"not null"`
		App                 oauthApp  `gorm:"foreignKey:AppID;constraint:OnDelete:CASCADE"`
		Account             account   `gorm:"constraint:OnDelete:CASCADE"`
	}
	type oauthToken struct {
		ID          int64   `gorm:"primaryKey;autoIncrement"`
		AccessHash  string  `gorm:"size:64;not null;uniqueIndex"`
		RefreshHash *string `gorm:"size:64;uniqueIndex"`
		AppID       *int64  `gorm:"index"`
		AccountID   *int64  `gorm:"index"`
		AuthCodeID  *int64  `gorm:"index"`
		Scopes      string  `gorm:"size:1000;not null"`
		ExpiresAt   *time.Time
		RevokedAt   *time.Time
		CreatedAt   time.Time      `gorm:"not null"`
		App         *oauthApp      `gorm:"foreignKey:AppID;constraint:OnDelete:CASCADE"`
		Account     *account       `gorm:"constraint:OnDelete:CASCADE"`
		AuthCode    *oauthAuthCode `gorm:"foreignKey:AuthCodeID;constraint:OnDelete:SET NULL"`
	}
	return &gormigrate.Migration{
		ID: "0001_initial",
		Migrate: func(tx *gorm.DB) error {
			// GORM names each table after its struct: account -> accounts,
			// oauthAuthCode -> oauth_auth_codes, and so on.
			return createTables(tx, &account{}, &setting{}, &invite{}, &session{},
				&oauthApp{}, &oauthAuthCode{}, &oauthToken{})
		},
	}
}
