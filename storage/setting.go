package storage

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type settingRow struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (settingRow) TableName() string { return "settings" }

// Setting returns an instance setting and whether it is set.
func (db *DB) Setting(ctx context.Context, key string) (string, bool, error) {
	var row settingRow
	err := db.gorm.WithContext(ctx).Where("key = ?", key).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, translate("setting "+key, "setting", err)
	}
	return row.Value, true, nil
}

// SetSetting stores an instance setting, replacing any earlier value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&settingRow{Key: key, Value: value}).Error
	return translate("set setting "+key, "setting", err)
}
