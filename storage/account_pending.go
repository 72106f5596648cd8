package storage

import "context"

// DeletePendingAccount deletes a local sign-up that is still waiting for
// approval. The approved = false condition is in the DELETE itself, so an
// account an admin approves at the same moment is never deleted.
func (db *DB) DeletePendingAccount(ctx context.Context, username string) error {
	res := db.gorm.WithContext(ctx).Where("username = ? AND domain = '' AND approved = ?", username, false).
		Delete(&accountRow{})
	return rowsAffected("delete pending account", "sign-up "+username, res.Error, res.RowsAffected)
}
