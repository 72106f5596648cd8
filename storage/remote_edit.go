package storage

import "context"

// UpdateCommentText replaces a comment's text (its remote author edited
// it).
func (db *DB) UpdateCommentText(ctx context.Context, id int64, text string) error {
	res := db.gorm.WithContext(ctx).Model(&commentRow{}).Where("id = ?", id).Update("text", text)
	return rowsAffected("update comment text", "comment", res.Error, res.RowsAffected)
}

// PruneRemoteKeys deletes the keys of a remote owner other than keep and
// returns their ids. Rows with a private key are ours and never touched.
func (db *DB) PruneRemoteKeys(ctx context.Context, ownerIRI string, keep []string) ([]string, error) {
	q := db.gorm.WithContext(ctx).Model(&actorKeyRow{}).
		Where("owner_iri = ? AND private_key_pem = ''", ownerIRI)
	if len(keep) > 0 {
		q = q.Where("key_id NOT IN ?", keep)
	}
	var ids []string
	if err := q.Pluck("key_id", &ids).Error; err != nil {
		return nil, translate("prune keys", "key", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	err := db.gorm.WithContext(ctx).Where("key_id IN ? AND private_key_pem = ''", ids).Delete(&actorKeyRow{}).Error
	return ids, translate("prune keys", "key", err)
}
