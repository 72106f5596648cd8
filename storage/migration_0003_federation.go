package storage

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0003Federation adds what federation needs: where remote actors
// live, signing keys, the inbox log, delivery health per host, domain
// blocks, tombstones, remote shares and who received each object.
// Frozen: do not edit.
func migration0003Federation() *gormigrate.Migration {
	type actorKey struct {
		KeyID         string    `gorm:"primaryKey;size:2048"`
		OwnerIRI      string    `gorm:"size:2048;not null;index"`
		PublicKeyPEM  string    `gorm:"type:text;not null"`
		PrivateKeyPEM string    `gorm:"type:text;not null;default:''"` // local actors only
		FetchedAt     time.Time `gorm:"not null"`
		CreatedAt     time.Time `gorm:"not null"`
	}
	type inboxActivity struct {
		ID          int64  `gorm:"primaryKey;autoIncrement"`
		IRI         string `gorm:"column:iri;size:2048;not null;uniqueIndex"`
		Type        string `gorm:"size:64;not null"`
		ActorIRI    string `gorm:"size:2048;not null;index"`
		SignerKeyID string `gorm:"size:2048;not null;default:''"`
		// RecipientIDs: local accounts whose personal inbox received it
		// (comma-separated); empty for the shared inbox.
		RecipientIDs string    `gorm:"type:text;not null;default:''"`
		Raw          string    `gorm:"type:text;not null"`
		ReceivedAt   time.Time `gorm:"not null"`
		ProcessedAt  *time.Time
		LastError    string `gorm:"type:text;not null;default:''"`
	}
	type host struct {
		Host             string `gorm:"primaryKey;size:255"`
		Failures         int    `gorm:"not null;default:0"`
		FirstFailureAt   *time.Time
		UnavailableSince *time.Time
		LastSuccessAt    *time.Time
	}
	type domainBlock struct {
		Domain    string    `gorm:"primaryKey;size:255"`
		Severity  string    `gorm:"size:16;not null"` // suspend or silence
		Reason    string    `gorm:"type:text;not null;default:''"`
		CreatedAt time.Time `gorm:"not null"`
	}
	type tombstone struct {
		IRI       string    `gorm:"column:iri;primaryKey;size:2048"`
		DeletedAt time.Time `gorm:"not null"`
	}
	type account struct{ ID int64 }
	type pin struct{ ID int64 }
	type share struct {
		ID        int64     `gorm:"primaryKey;autoIncrement"`
		AccountID int64     `gorm:"not null;uniqueIndex:idx_shares_account_pin,priority:1"`
		PinID     int64     `gorm:"not null;uniqueIndex:idx_shares_account_pin,priority:2;index"`
		IRI       string    `gorm:"column:iri;size:2048;not null;uniqueIndex"`
		CreatedAt time.Time `gorm:"not null"`
		Account   account   `gorm:"constraint:OnDelete:CASCADE"`
		Pin       pin       `gorm:"constraint:OnDelete:CASCADE"`
	}
	type objectRecipient struct {
		ObjectIRI string `gorm:"primaryKey;size:2048"`
		Inbox     string `gorm:"primaryKey;size:2048"`
	}
	return &gormigrate.Migration{
		ID: "0003_federation",
		Migrate: func(tx *gorm.DB) error {
			if err := createTables(tx, &actorKey{}, &inboxActivity{}, &host{}, &domainBlock{}, &tombstone{}, &share{}, &objectRecipient{}); err != nil {
				return err
			}
			return execAll(tx,
				// Remote accounts: where they live and how to reach them.
				`ALTER TABLE accounts ADD COLUMN iri VARCHAR(2048)`,
				`CREATE UNIQUE INDEX idx_accounts_iri ON accounts (iri)`,
				`ALTER TABLE accounts ADD COLUMN inbox_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN shared_inbox_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN outbox_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN followers_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN following_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN featured_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN profile_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN avatar_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE accounts ADD COLUMN actor_type VARCHAR(32) NOT NULL DEFAULT 'Person'`,
				`ALTER TABLE accounts ADD COLUMN manually_approves BOOLEAN NOT NULL DEFAULT FALSE`,
				`ALTER TABLE accounts ADD COLUMN fetched_at TIMESTAMPTZ`,
				`CREATE INDEX idx_accounts_domain ON accounts (domain)`,
				// Remote boards (Group actors) and local boards' approval rule.
				`ALTER TABLE boards ADD COLUMN inbox_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE boards ADD COLUMN shared_inbox_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE boards ADD COLUMN followers_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE boards ADD COLUMN page_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE boards ADD COLUMN manually_approves BOOLEAN NOT NULL DEFAULT FALSE`,
				`ALTER TABLE boards ADD COLUMN fetched_at TIMESTAMPTZ`,
				// Remote pins keep their page URL; local ones derive it.
				`ALTER TABLE pins ADD COLUMN page_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`ALTER TABLE pins ADD COLUMN remote_image_url VARCHAR(2048) NOT NULL DEFAULT ''`,
				`CREATE INDEX idx_inbox_activities_unprocessed ON inbox_activities (processed_at, id)`,
			)
		},
	}
}
