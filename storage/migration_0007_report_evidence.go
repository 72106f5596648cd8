package storage

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migration0007ReportEvidence lets our own people report messages: a
// report says whether it was made here and whether a Flag went to the
// reported person's server, names the reported message (one report per
// reporter and message: the unique index), and keeps a copy of the
// message's text and attachments, which outlives a deletion of the
// message. message_id has no foreign key for the same reason. Remote
// reports leave message_id NULL, which the unique index does not compare.
// Frozen: do not edit.
func migration0007ReportEvidence() *gormigrate.Migration {
	return &gormigrate.Migration{
		ID: "0007_report_evidence",
		Migrate: func(tx *gorm.DB) error {
			return execAll(tx,
				`ALTER TABLE reports ADD COLUMN local BOOLEAN NOT NULL DEFAULT false`,
				`ALTER TABLE reports ADD COLUMN forwarded BOOLEAN NOT NULL DEFAULT false`,
				`ALTER TABLE reports ADD COLUMN message_id BIGINT`,
				`ALTER TABLE reports ADD COLUMN evidence_text TEXT NOT NULL DEFAULT ''`,
				`ALTER TABLE reports ADD COLUMN evidence_media TEXT NOT NULL DEFAULT ''`,
				`CREATE UNIQUE INDEX idx_reports_reporter_message ON reports (reporter_id, message_id)`,
			)
		},
		Rollback: func(tx *gorm.DB) error {
			return execAll(tx,
				`DROP INDEX idx_reports_reporter_message`,
				`ALTER TABLE reports DROP COLUMN evidence_media`,
				`ALTER TABLE reports DROP COLUMN evidence_text`,
				`ALTER TABLE reports DROP COLUMN message_id`,
				`ALTER TABLE reports DROP COLUMN forwarded`,
				`ALTER TABLE reports DROP COLUMN local`,
			)
		},
	}
}
