package media

import (
	"strings"
	"testing"
)

func TestNewKey(t *testing.T) {
	seen := map[string]bool{}
	for _, ext := range []string{"jpg", ".png", "gif"} {
		for range 500 {
			k := NewKey(ext)
			if err := CheckKey(k); err != nil {
				t.Fatalf("NewKey(%q) = %q fails CheckKey: %v", ext, k, err)
			}
			if seen[k] {
				t.Fatalf("NewKey repeated %q", k)
			}
			seen[k] = true
		}
	}
}

func TestNewKeyPanicsOnUnknownExtension(t *testing.T) {
	for _, ext := range []string{"svg", "", "JPG", "jpg/../x"} {
		t.Run(ext, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("NewKey(%q) did not panic", ext)
				}
			}()
			NewKey(ext)
		})
	}
}

// validKey is a well-formed key for tests that need a fixed one.
const validKey = "0a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg"

func TestCheckKey(t *testing.T) {
	tests := []struct {
		name string
		key  string
		ok   bool
	}{
		{"generated form", validKey, true},
		{"png", "0a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.png", true},
		{"empty", "", false},
		{"parent directory", "../../../../etc/passwd", false},
		{"dot-dot in the right length", "../1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg", false},
		{"absolute", "/a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg", false},
		{"uppercase hex", "0A/1B/0A1B2C3D4E5F60718293A4B5C6D7E8F9.jpg", false},
		{"directories do not match the name", "ff/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg", false},
		{"svg extension", "0a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f9.svg", false},
		{"html extension", "0a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f.htm", false},
		{"temp file", "0a/1b/.tmp-AAAAAAAAAAAAAAAAAAAAAAAAAA.jpg", false},
		{"backslashes", "0a\\1b\\0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg", false},
		{"NUL byte", "0a/1b/0a1b2c3d4e5f60718293a4b5c6d7e8f\x00.jpg", false},
		{"too long", validKey + ".jpg", false},
		{"user file name", "holiday.jpg", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckKey(tt.key)
			if (err == nil) != tt.ok {
				t.Errorf("CheckKey(%q) = %v, want ok=%v", tt.key, err, tt.ok)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "media: invalid key") {
				t.Errorf("error %q lacks the operation name", err)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	tests := []struct {
		name, key, want string
	}{
		{"jpg", validKey, ContentTypeJPEG},
		{"png", strings.TrimSuffix(validKey, "jpg") + "png", ContentTypePNG},
		{"gif", strings.TrimSuffix(validKey, "jpg") + "gif", ContentTypeGIF},
		{"invalid key", "holiday.jpg", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentTypeForKey(tt.key); got != tt.want {
				t.Errorf("ContentTypeForKey(%q) = %q, want %q", tt.key, got, tt.want)
			}
			if tt.want != "" {
				if ext := ExtForContentType(tt.want); ext != tt.name {
					t.Errorf("ExtForContentType(%q) = %q, want %q", tt.want, ext, tt.name)
				}
			}
		})
	}
	if got := ExtForContentType("image/svg+xml"); got != "" {
		t.Errorf("ExtForContentType(svg) = %q, want empty", got)
	}
}
