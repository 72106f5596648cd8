package storage

import (
	"context"

	"github.com/corkboard/corkboard"
)

// InboxActivityByIRI finds a received activity by its id.
func (db *DB) InboxActivityByIRI(ctx context.Context, iri string) (*corkboard.InboxActivity, error) {
	var r inboxActivityRow
	if err := db.gorm.WithContext(ctx).Select("id").Where("iri = ?", iri).Take(&r).Error; err != nil {
		return nil, translate("inbox activity by iri", "activity", err)
	}
	return db.InboxActivityByID(ctx, r.ID)
}
