// Package storagetest opens real, migrated, throw-away databases for tests:
// SQLite always, and PostgreSQL when CORKBOARD_TEST_DATABASE_URL is set.
package storagetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/corkboard/corkboard/storage"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// EnvURL names the PostgreSQL server tests may use.
const EnvURL = "CORKBOARD_TEST_DATABASE_URL"

// Kinds returns the database kinds to test on: "sqlite", plus "postgres"
// when EnvURL is set. Under CI (CI=true) EnvURL is required.
func Kinds(tb testing.TB) []string {
	tb.Helper()
	if os.Getenv(EnvURL) != "" {
		return []string{"sqlite", "postgres"}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s must be set under CI: PostgreSQL tests may not be skipped", EnvURL)
	}
	return []string{"sqlite"}
}

// Each runs fn as a subtest once per database kind, each with a fresh,
// migrated database.
func Each(t *testing.T, fn func(t *testing.T, db *storage.DB)) {
	t.Helper()
	for _, kind := range Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, Open(t, kind)) })
	}
}

// Open returns a fresh, migrated database of the given kind, removed when
// the test ends.
func Open(tb testing.TB, kind string) *storage.DB {
	tb.Helper()
	cfg := Config(tb, kind)
	db, err := storage.Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("open %s: %v", kind, err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate %s: %v", kind, err)
	}
	return db
}

// Config returns a storage.Config for a fresh, empty database of the given
// kind (not yet opened), cleaned up when the test ends. On PostgreSQL each
// test gets its own schema, so tests can run in parallel on one server.
func Config(tb testing.TB, kind string) storage.Config {
	tb.Helper()
	switch kind {
	case "sqlite":
		return storage.Config{DataDir: tb.TempDir()}
	case "postgres":
		// The data dir still holds media; give it a temporary one too.
		return storage.Config{URL: NewSchemaURL(tb), DataDir: tb.TempDir()}
	}
	tb.Fatalf("unknown database kind %q", kind)
	return storage.Config{}
}

// NewSchemaURL creates an empty schema on the test PostgreSQL server and
// returns a URL whose search_path points at it. The schema is dropped at
// the end of the test.
func NewSchemaURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		tb.Fatalf("%s is not set", EnvURL)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		tb.Fatalf("connect to %s: %v", EnvURL, err)
	}
	sqlDB, _ := admin.DB()
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		tb.Fatalf("create schema on %s: %v", EnvURL, err)
	}
	tb.Cleanup(func() {
		_ = admin.Exec("DROP SCHEMA " + schema + " CASCADE").Error
		_ = sqlDB.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("parse %s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
