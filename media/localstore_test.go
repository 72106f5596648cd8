package media

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newTestStore(t *testing.T) (*LocalStore, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := NewLocalStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

// files lists every file under dir, relative, so tests can assert that
// nothing (not even a temporary file) was left behind.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	return out
}

func TestLocalStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, dir := newTestStore(t)
	key := NewKey("png")
	data := encodePNG(t, noisy(20, 20, 5))
	if err := s.Put(ctx, key, bytes.NewReader(data), ContentTypePNG); err != nil {
		t.Fatalf("Put: %v", err)
	}
	rc, info, err := s.Open(ctx, key)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := rc.Seek(8, io.SeekStart); err != nil { // ranges need Seek
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, data[8:]) || info.Size != int64(len(data)) || info.ContentType != ContentTypePNG || info.ModTime.IsZero() {
		t.Errorf("read back %d bytes, info %+v; want %d bytes of image/png", len(got)+8, info, len(data))
	}
	for path, want := range map[string]fs.FileMode{key: 0o644, key[:5]: 0o755, key[:2]: 0o755} {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", path, fi.Mode().Perm(), err, want)
		}
	}
	if err := s.Delete(ctx, key); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, _, err := s.Open(ctx, key); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open after Delete = %v, want fs.ErrNotExist", err)
	}
	if err := s.Delete(ctx, key); err != nil {
		t.Errorf("second Delete = %v, want nil", err)
	}
}

func TestLocalStoreRejectsBadKeys(t *testing.T) {
	ctx := context.Background()
	s, dir := newTestStore(t)
	outside := filepath.Join(filepath.Dir(dir), "escaped.jpg")
	for _, key := range []string{"", "../escaped.jpg", outside, "holiday.jpg", "0a/1b/../../../escaped.jpg"} {
		t.Run(key, func(t *testing.T) {
			if err := s.Put(ctx, key, strings.NewReader("x"), ContentTypeJPEG); err == nil {
				t.Error("Put accepted it")
			}
			if _, _, err := s.Open(ctx, key); err == nil {
				t.Error("Open accepted it")
			}
			if err := s.Delete(ctx, key); err == nil {
				t.Error("Delete accepted it")
			}
		})
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("files written: %v", got)
	}
	if _, err := os.Stat(outside); err == nil {
		t.Errorf("%s was written", outside)
	}
}

func TestLocalStorePutChecksContentType(t *testing.T) {
	s, _ := newTestStore(t)
	err := s.Put(context.Background(), NewKey("jpg"), strings.NewReader("x"), "text/html")
	if err == nil || !strings.Contains(err.Error(), "media: local put") {
		t.Errorf("Put with a mismatched type = %v, want an error", err)
	}
}

// TestLocalStoreSymlinkEscape plants a symlink where a key's directory
// would be; os.Root must refuse to follow it out of the store.
func TestLocalStoreSymlinkEscape(t *testing.T) {
	s, dir := newTestStore(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, validKey[:2])); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	err := s.Put(context.Background(), validKey, strings.NewReader("x"), ContentTypeJPEG)
	if err == nil {
		t.Error("Put followed a symlink out of the store")
	}
	if got := files(t, outside); len(got) != 0 {
		t.Errorf("written outside the store: %v", got)
	}
}
