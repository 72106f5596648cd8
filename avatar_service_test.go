package corkboard_test

import (
	"bytes"
	"errors"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAvatar: an upload becomes a 400 px and a 96 px square; replacing
// it releases the old files, a refused upload changes nothing, and
// removing it releases the files and puts the default back.
func TestAvatar(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice := w.person("alice")

		if err := w.svc.SetAvatar(w.ctx, alice, bytes.NewReader(testPNG(t, 900, 500))); err != nil {
			t.Fatalf("SetAvatar: %v", err)
		}
		first := w.storedAvatar(db, alice.ID)
		w.wantSquare(first.AvatarKey, 400)
		w.wantSquare(first.AvatarSmallKey, 96)
		if alice.AvatarKey != first.AvatarKey {
			t.Errorf("the caller's account was not updated: %q, stored %q", alice.AvatarKey, first.AvatarKey)
		}

		if err := w.svc.SetAvatar(w.ctx, alice, bytes.NewReader(testPNG(t, 300, 700))); err != nil {
			t.Fatalf("replace: %v", err)
		}
		second := w.storedAvatar(db, alice.ID)
		w.wantSquare(second.AvatarKey, 300) // never enlarged
		w.wantSquare(second.AvatarSmallKey, 96)
		w.wantGone(first.AvatarKey, first.AvatarSmallKey)

		err := w.svc.SetAvatar(w.ctx, alice, bytes.NewReader([]byte("\x89PNG\r\n\x1a\nnot really")))
		if corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Fatalf("corrupt upload: err = %v, want EINVALID", err)
		}
		if got := w.storedAvatar(db, alice.ID); got.AvatarKey != second.AvatarKey || got.AvatarSmallKey != second.AvatarSmallKey {
			t.Errorf("a refused upload changed the avatar to %q", got.AvatarKey)
		}
		w.wantSquare(second.AvatarKey, 300)

		if err := w.svc.RemoveAvatar(w.ctx, alice); err != nil {
			t.Fatalf("RemoveAvatar: %v", err)
		}
		if got := w.storedAvatar(db, alice.ID); got.AvatarKey != "" || got.AvatarSmallKey != "" {
			t.Errorf("after removal the avatar is %q / %q", got.AvatarKey, got.AvatarSmallKey)
		}
		w.wantGone(second.AvatarKey, second.AvatarSmallKey)
	})
}

func (w *pinWorld) storedAvatar(db *storage.DB, id int64) *corkboard.Account {
	w.t.Helper()
	a, err := db.AccountByID(w.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return a
}

// wantSquare checks that key is stored and decodes as a side×side image.
func (w *pinWorld) wantSquare(key string, side int) {
	w.t.Helper()
	if key == "" {
		w.t.Fatalf("no avatar key, want a %d px square", side)
	}
	f, _, err := w.store.Open(w.ctx, key)
	if err != nil {
		w.t.Fatalf("open %s: %v", key, err)
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		w.t.Fatalf("decode %s: %v", key, err)
	}
	if cfg.Width != side || cfg.Height != side {
		w.t.Errorf("%s is %dx%d, want %dx%d", key, cfg.Width, cfg.Height, side, side)
	}
}

func (w *pinWorld) wantGone(keys ...string) {
	w.t.Helper()
	for _, key := range keys {
		if f, _, err := w.store.Open(w.ctx, key); !errors.Is(err, fs.ErrNotExist) {
			if err == nil {
				f.Close()
			}
			w.t.Errorf("%s: err = %v, want it released", key, err)
		}
	}
}

// A purged remote account (deleted actor, suspended domain or person)
// loses its stored avatar too: files and keys.
func TestPurgeReleasesRemoteAvatar(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		// Make a stored avatar through a local upload, then hand its files
		// to a remote account, as the avatar fetch job would.
		donor := w.person("donor")
		if err := w.svc.SetAvatar(w.ctx, donor, bytes.NewReader(testPNG(t, 500, 500))); err != nil {
			t.Fatal(err)
		}
		files := w.storedAvatar(db, donor.ID)
		if err := db.SetAvatar(w.ctx, donor.ID, corkboard.Avatar{UpdatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		zoe := &corkboard.Account{Username: "zoe", Domain: "remote.example", IRI: "https://remote.example/users/zoe",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(w.ctx, zoe); err != nil {
			t.Fatal(err)
		}
		if err := db.SetAvatar(w.ctx, zoe.ID, corkboard.Avatar{Key: files.AvatarKey, SmallKey: files.AvatarSmallKey,
			SourceURL: "https://remote.example/avatar.png", UpdatedAt: now}); err != nil {
			t.Fatal(err)
		}

		if err := w.svc.PurgeRemoteAccount(w.ctx, zoe.ID); err != nil {
			t.Fatal(err)
		}
		if got := w.storedAvatar(db, zoe.ID); got.AvatarKey != "" || got.AvatarSmallKey != "" {
			t.Errorf("after the purge zoe's avatar is %q / %q", got.AvatarKey, got.AvatarSmallKey)
		}
		w.wantGone(files.AvatarKey, files.AvatarSmallKey)
	})
}
