// Package server is Corkboard's composition root: it builds every part of
// an instance from a Config and owns the HTTP server and its route table.
package server

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/media"
	"github.com/corkboard/corkboard/server/images"
	"github.com/corkboard/corkboard/server/pagefetch"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/labstack/echo/v4"
	"github.com/riverqueue/river"
)

// Server is one running Corkboard instance.
type Server struct {
	cfg        Config
	log        *slog.Logger
	db         *storage.DB
	svc        *corkboard.Service
	mediaStore *media.LocalStore
	fed        *activitypub.Federation
	queue      *river.Client[*sql.Tx] // nil when there are no workers
	echo       *echo.Echo
}

// New opens the database, applies pending migrations and builds the
// instance. Close releases it.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = NewLogger(os.Stderr, cfg.LogLevel, cfg.LogFormat)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, log: cfg.Logger}
	var err error
	if s.mediaStore, err = media.NewLocalStore(filepath.Join(cfg.DataDir, "media")); err != nil {
		return nil, fmt.Errorf("media store in CORKBOARD_DATA_DIR: %w", err)
	}
	if s.db, s.svc, err = openService(ctx, cfg, s.mediaStore); err != nil {
		_ = s.mediaStore.Close()
		return nil, err
	}
	if err := s.startFederation(); err != nil {
		_ = s.Close()
		return nil, err
	}
	s.echo = s.routes()
	if err := s.announceSetup(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

func openStorage(ctx context.Context, cfg Config) (*storage.DB, error) {
	return storage.Open(ctx, storage.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Logger: cfg.Logger})
}

// openService opens and migrates the database and builds the Service.
// Without a media store (the admin CLI) the Service cannot make pins.
func openService(ctx context.Context, cfg Config, store media.Store) (*storage.DB, *corkboard.Service, error) {
	db, err := openStorage(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		_ = db.Close()
		return nil, nil, err
	}
	opts := corkboard.ServiceOptions{TokenLifetime: cfg.TokenLifetime, BaseURL: cfg.BaseURL,
		NormalizeHost: activitypub.NormalizeHost, NewConversationsPerHour: scaledLimit(cfg.NewConversationsPerHour, cfg.RateLimitScale)}
	if store != nil {
		opts.Images = images.New(media.NewProcessor(media.Limits{MaxBytes: cfg.MaxUploadBytes}), store)
		opts.Fetcher = pagefetch.New(pagefetch.Config{AllowPrivate: cfg.AllowPrivateAddresses, Version: cfg.Version, BaseURL: cfg.BaseURL})
	}
	svc := corkboard.NewService(db, password.Bcrypt{Cost: cfg.BcryptCost}, cfg.Now, opts)
	return db, svc, nil
}

// scaledLimit applies the rate-limit scale to a count limit, keeping 0
// (no limit) as it is and never rounding a real limit down to none.
func scaledLimit(n int, scale float64) int {
	if n <= 0 || scale <= 0 {
		return n
	}
	return max(1, int(float64(n)*scale))
}

// Service returns the instance's use cases (for the admin CLI and tests).
func (s *Server) Service() *corkboard.Service { return s.svc }

// Handler returns the instance's HTTP handler, for in-process tests.
func (s *Server) Handler() http.Handler { return s.echo }

// Close stops the workers and releases the database and the media store.
func (s *Server) Close() error {
	var errs []error
	if s.queue != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		errs = append(errs, s.queue.Stop(ctx))
		cancel()
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	return errors.Join(append(errs, s.mediaStore.Close())...)
}

// announceSetup logs a one-time link with which the first visitor creates
// the admin account, when the instance has no account yet.
func (s *Server) announceSetup(ctx context.Context) error {
	need, err := s.svc.NeedsSetup(ctx)
	if err != nil || !need {
		return err
	}
	secret, err := s.svc.NewSetupToken(ctx)
	if err != nil {
		return err
	}
	link := s.cfg.BaseURL + "/setup?token=" + secret
	if s.cfg.SetupNotice != nil {
		s.cfg.SetupNotice(link)
		return nil
	}
	s.log.Warn("no account exists yet: open this one-time link to create the admin account", "setup_link", link)
	return nil
}

// ListenAndServe serves until ctx is cancelled, then shuts down gracefully,
// letting requests in flight finish for up to 20 seconds.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s (CORKBOARD_LISTEN): %w", s.cfg.Listen, err)
	}
	return s.Serve(ctx, ln)
}

// Serve is ListenAndServe on an existing listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads of up to 20 MB on slow links
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.log.Info("corkboard listening", append([]any{"address", ln.Addr().String()}, s.cfg.Redacted()...)...)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// NewLogger builds the process logger.
func NewLogger(w *os.File, level slog.Level, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(format, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
