package storage

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/corkboard/corkboard"
)

// RemoteAccountIDs lists the remote accounts on a domain or any of its
// subdomains. Stored domains are lowercase and may carry a port.
func (db *DB) RemoteAccountIDs(ctx context.Context, domain string) ([]int64, error) {
	d := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(domain))
	var ids []int64
	err := db.gorm.WithContext(ctx).Model(&accountRow{}).
		Where(`domain <> '' AND (domain = ? OR domain LIKE ? ESCAPE '\' OR domain LIKE ? ESCAPE '\' OR domain LIKE ? ESCAPE '\')`,
			domain, "%."+d, d+":%", "%."+d+":%").
		Order("id").Pluck("id", &ids).Error
	return ids, translate("remote account ids", "accounts", err)
}

// purgeStatements undo a remote account's interactions with other pins,
// counts first, then remove its follows. Each takes the account id as
// every argument.
var purgeStatements = []string{
	`UPDATE pins SET like_count = like_count - 1 WHERE id IN (SELECT pin_id FROM likes WHERE account_id = ?)`,
	`DELETE FROM likes WHERE account_id = ?`,
	`UPDATE pins SET comment_count = comment_count -
		(SELECT COUNT(*) FROM comments c WHERE c.pin_id = pins.id AND c.account_id = ?)
		WHERE id IN (SELECT pin_id FROM comments WHERE account_id = ?)`,
	`DELETE FROM comments WHERE account_id = ?`,
	`UPDATE pins SET save_count = save_count - 1 WHERE id IN (SELECT pin_id FROM shares WHERE account_id = ?)`,
	`DELETE FROM shares WHERE account_id = ?`,
	`DELETE FROM follows WHERE follower_id = ? OR target_account_id = ?`,
}

// PurgeAccount removes what a remote account brought: its likes, comments
// and shares of other pins (their counts adjusted), its follows both ways,
// and its boards with their pins (and what cascades from them: feed
// entries, tags, board follows). It returns the deleted pins' images, for
// the caller to release once the transaction has committed.
func (db *DB) PurgeAccount(ctx context.Context, accountID int64) ([]corkboard.Image, error) {
	g := db.gorm.WithContext(ctx)
	var rows []pinRow
	if err := g.Select(pinColumns).Where("account_id = ?", accountID).Find(&rows).Error; err != nil {
		return nil, translate("purge account: pins", "pins", err)
	}
	for _, stmt := range purgeStatements {
		args := make([]any, strings.Count(stmt, "?"))
		for i := range args {
			args[i] = accountID
		}
		if err := g.Exec(stmt, args...).Error; err != nil {
			return nil, translate("purge account", "account", err)
		}
	}
	var boards []int64
	if err := g.Model(&boardRow{}).Where("account_id = ?", accountID).Pluck("id", &boards).Error; err != nil {
		return nil, translate("purge account: boards", "boards", err)
	}
	for _, id := range boards {
		if err := db.DeleteBoard(ctx, id); err != nil {
			return nil, err
		}
	}
	images := make([]corkboard.Image, 0, len(rows))
	for _, r := range rows {
		im := corkboard.Image{Key: r.ImageKey, ContentType: r.ImageContentType}
		_ = json.Unmarshal([]byte(r.ImageVariants), &im.Variants)
		images = append(images, im)
	}
	return images, nil
}
