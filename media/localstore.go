package media

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
)

// LocalStore is a Store in a directory of the local file system, laid out
// as the keys are ("ab/cd/<hex>.jpg").
//
// All access goes through an os.Root, which refuses any path that would
// leave the directory, by ".." or by a symlink planted inside it; that is
// a second wall behind CheckKey, not the first.
type LocalStore struct {
	root *os.Root
}

var _ Store = (*LocalStore)(nil)

// tmpPrefix marks files being written. CheckKey never accepts such a name,
// so a half-written file can never be opened by key; leftovers from a
// crash can be removed by age with a find over this prefix.
const tmpPrefix = ".tmp-"

// NewLocalStore opens (creating if needed) the directory dir as a store.
// Close releases it.
func NewLocalStore(dir string) (*LocalStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("media: open local store: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("media: open local store: %w", err)
	}
	return &LocalStore{root: root}, nil
}

// Close releases the store's directory handle.
func (s *LocalStore) Close() error { return s.root.Close() }

// Put writes r to a temporary file beside the final one, syncs it and
// renames it into place. rename(2) within a directory is atomic, so a
// reader sees the old file or the whole new one, and a failed or cancelled
// upload leaves nothing under the key.
func (s *LocalStore) Put(ctx context.Context, key string, r io.Reader, contentType string) (err error) {
	if err := CheckKey(key); err != nil {
		return fmt.Errorf("media: local put: %w", err)
	}
	if want := ContentTypeForKey(key); contentType != want {
		return fmt.Errorf("media: local put %s: content type %q does not match the key's %q", key, contentType, want)
	}
	dir := path.Dir(key)
	if err := s.root.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("media: local put %s: %w", key, err)
	}
	tmp := path.Join(dir, tmpPrefix+rand.Text())
	f, err := s.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("media: local put %s: %w", key, err)
	}
	defer func() {
		if err != nil {
			f.Close()          // may already be closed; the error is moot
			s.root.Remove(tmp) // best effort: the put has failed anyway
		}
	}()
	if _, err := io.Copy(f, ctxReader{ctx: ctx, r: r}); err != nil {
		return fmt.Errorf("media: local put %s: write: %w", key, err)
	}
	// Mode is set explicitly because OpenFile's is filtered by the umask,
	// and the web server, perhaps another user, must be able to read.
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("media: local put %s: %w", key, err)
	}
	// Sync before rename: otherwise a crash can leave the new name
	// pointing at an empty file on file systems with delayed allocation.
	if err := f.Sync(); err != nil {
		return fmt.Errorf("media: local put %s: sync: %w", key, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("media: local put %s: close: %w", key, err)
	}
	if err := s.root.Rename(tmp, key); err != nil {
		return fmt.Errorf("media: local put %s: rename: %w", key, err)
	}
	return nil
}

// Open opens key for reading. The *os.File it returns is an
// io.ReadSeekCloser; the caller closes it.
func (s *LocalStore) Open(ctx context.Context, key string) (io.ReadSeekCloser, ObjectInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, ObjectInfo{}, fmt.Errorf("media: local open: %w", err)
	}
	if err := CheckKey(key); err != nil {
		return nil, ObjectInfo{}, fmt.Errorf("media: local open: %w", err)
	}
	f, err := s.root.Open(key)
	if err != nil {
		return nil, ObjectInfo{}, fmt.Errorf("media: local open %s: %w", key, err)
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("not a regular file: %w", fs.ErrNotExist)
	}
	if err != nil {
		f.Close()
		return nil, ObjectInfo{}, fmt.Errorf("media: local open %s: %w", key, err)
	}
	info := ObjectInfo{Size: fi.Size(), ContentType: ContentTypeForKey(key), ModTime: fi.ModTime()}
	return f, info, nil
}

// Delete removes key; a missing key is not an error. Emptied directories
// are left: there are at most 65,536 and they will be filled again.
func (s *LocalStore) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("media: local delete: %w", err)
	}
	if err := CheckKey(key); err != nil {
		return fmt.Errorf("media: local delete: %w", err)
	}
	if err := s.root.Remove(key); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: local delete %s: %w", key, err)
	}
	return nil
}
