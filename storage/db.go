// Package storage persists Corkboard's domain through GORM, on SQLite (the
// embedded default) or PostgreSQL. It implements corkboard.Store.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/glebarez/sqlite"
	"github.com/riverqueue/river"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Config says which database to open.
type Config struct {
	// URL is empty for SQLite in DataDir, or a postgres:// URL.
	URL     string
	DataDir string
	Logger  *slog.Logger
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	gorm    *gorm.DB
	dialect string // "sqlite" or "postgres"
	log     *slog.Logger
	// inserter is an insert-only River client for Enqueue; the workers
	// that run jobs are a separate client the server starts.
	inserter *river.Client[*sql.Tx]
}

var _ corkboard.Store = (*DB)(nil)

// Open connects to the configured database. It does not migrate.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	gcfg := &gorm.Config{
		Logger:                 logger.Discard,
		TranslateError:         true, // unique violations become gorm.ErrDuplicatedKey on both drivers
		SkipDefaultTransaction: true, // single statements need no transaction of their own
		NowFunc:                func() time.Time { return time.Now().UTC() },
	}
	var dialector gorm.Dialector
	var dialect string
	switch {
	case cfg.URL == "":
		dsn, err := sqliteDSN(cfg.DataDir)
		if err != nil {
			return nil, err
		}
		dialector, dialect = sqlite.Open(dsn), "sqlite"
	case strings.HasPrefix(cfg.URL, "postgres://") || strings.HasPrefix(cfg.URL, "postgresql://"):
		dialector, dialect = postgres.Open(postgresDSN(cfg.URL)), "postgres"
	default:
		return nil, fmt.Errorf("database URL must start with postgres:// (or be empty for SQLite)")
	}
	g, err := gorm.Open(dialector, gcfg)
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	if dialect == "sqlite" {
		// One writer at a time is SQLite's rule; a few connections let
		// readers proceed in WAL mode while busy_timeout queues writers.
		sqlDB.SetMaxOpenConns(4)
	} else {
		sqlDB.SetMaxOpenConns(20)
	}
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("connect to %s database: %w", dialect, err)
	}
	db := &DB{gorm: g, dialect: dialect, log: cfg.Logger}
	if db.inserter, err = db.NewQueueClient(&river.Config{}); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	return db, nil
}

// sqliteDSN builds the DSN of the embedded database with WAL, foreign keys,
// a busy timeout and immediate write transactions (which avoid SQLITE_BUSY
// when a read transaction later wants to write).
func sqliteDSN(dataDir string) (string, error) {
	if dataDir == "" {
		return "", errors.New("data directory is required for SQLite")
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return "", fmt.Errorf("create data directory: %w", err)
	}
	path := filepath.Join(dataDir, "corkboard.db")
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode(), nil
}

// postgresDSN forces custom plans: after five executions PostgreSQL may pick
// a generic plan that turns indexed page queries into whole-table sorts.
func postgresDSN(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw // gorm reports the parse error with its own context
	}
	q := u.Query()
	if q.Get("plan_cache_mode") == "" {
		q.Set("plan_cache_mode", "force_custom_plan")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// Gorm exposes the underlying handle for tests and benchmarks in this module.
func (db *DB) Gorm() *gorm.DB { return db.gorm }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return sqlDB.PingContext(ctx)
}

// Close closes the connection pool.
func (db *DB) Close() error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return fmt.Errorf("close: %w", err)
	}
	return sqlDB.Close()
}

// translate maps driver errors to domain errors; what names the thing, for
// messages like "account not found".
func translate(op, what string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return corkboard.Errorf(corkboard.ENOTFOUND, "%s not found", what)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return corkboard.Errorf(corkboard.ECONFLICT, "%s already exists", what)
	}
	return fmt.Errorf("%s: %w", op, err)
}
