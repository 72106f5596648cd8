package media

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
)

// Store keeps stored files by key. Keys are always made by NewKey, never
// derived from anything a user sent, so that no file name, path or
// extension from an upload reaches the file system or a URL.
//
// Implementations must be safe for concurrent use. A missing key is
// reported with an error for which errors.Is(err, fs.ErrNotExist) is true.
type Store interface {
	// Put stores r's bytes under key, replacing any earlier content
	// atomically: readers see the old file or the new one, never part.
	// contentType must be the one the key's extension stands for.
	Put(ctx context.Context, key string, r io.Reader, contentType string) error
	// Open returns the stored content, seekable so that the HTTP layer can
	// answer range requests (http.ServeContent), and its description.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, ObjectInfo, error)
	// Delete removes key. Deleting a missing key is not an error, so that
	// cleanup after a failed transaction can simply be retried.
	Delete(ctx context.Context, key string) error
}

// ObjectInfo describes a stored file.
type ObjectInfo struct {
	Size        int64
	ContentType string
	ModTime     time.Time
}

// Keys look like "ab/cd/abcd0123…(32 hex digits).jpg": 128 random bits,
// so they cannot be guessed or enumerated, and two directory levels made of
// the key's first four digits, so that no directory ever holds more than a
// few thousand files even with hundreds of millions stored.
const (
	keyHexLen = 32                                // 128 bits
	keyLen    = 2 + 1 + 2 + 1 + keyHexLen + 1 + 3 // "ab/cd/" + hex + ".ext"
)

// NewKey returns a fresh random key with extension ext ("jpg", "png" or
// "gif", with or without a dot; see ExtForContentType). It panics on any
// other extension: ext comes from this package, never from input, so a
// bad one is a programming error.
func NewKey(ext string) string {
	ext = strings.TrimPrefix(ext, ".")
	if contentTypeForExt(ext) == "" {
		panic(fmt.Sprintf("media: NewKey: unsupported extension %q", ext))
	}
	var id [keyHexLen / 2]byte
	rand.Read(id[:]) // never fails (crypto/rand, Go 1.24+)
	h := hex.EncodeToString(id[:])
	return h[0:2] + "/" + h[2:4] + "/" + h + "." + ext
}

// CheckKey returns an error unless key has exactly the form NewKey makes.
// Stores call it before touching anything, and the HTTP layer can call it
// on a key taken from a URL before looking it up. Checking the whole shape,
// rather than looking for "..", leaves nothing to get wrong: only lower-
// case hex, two slashes at fixed places and a known extension pass.
func CheckKey(key string) error {
	if len(key) != keyLen || key[2] != '/' || key[5] != '/' || key[keyLen-4] != '.' {
		return fmt.Errorf("media: invalid key %.60q", key)
	}
	h := key[6 : 6+keyHexLen]
	for i := 0; i < len(h); i++ {
		if c := h[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("media: invalid key %.60q", key)
		}
	}
	if key[0:2] != h[0:2] || key[3:5] != h[2:4] || contentTypeForExt(key[keyLen-3:]) == "" {
		return fmt.Errorf("media: invalid key %.60q", key)
	}
	return nil
}

// ContentTypeForKey returns the content type to serve a key with, from
// its extension, or "" when the key is not one NewKey makes. The server
// should send it with "X-Content-Type-Options: nosniff", so that a browser
// never second-guesses a stored file.
func ContentTypeForKey(key string) string {
	if CheckKey(key) != nil {
		return ""
	}
	return contentTypeForExt(key[keyLen-3:])
}

// ExtForContentType returns the key extension for a content type this
// package writes ("jpg", "png", "gif"), or "" for any other.
func ExtForContentType(contentType string) string {
	switch contentType {
	case ContentTypeJPEG:
		return "jpg"
	case ContentTypePNG:
		return "png"
	case ContentTypeGIF:
		return "gif"
	}
	return ""
}

func contentTypeForExt(ext string) string {
	switch ext {
	case "jpg":
		return ContentTypeJPEG
	case "png":
		return ContentTypePNG
	case "gif":
		return ContentTypeGIF
	}
	return ""
}
