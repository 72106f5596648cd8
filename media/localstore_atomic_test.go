package media

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func readKey(t *testing.T, s *LocalStore, key string) (string, error) {
	t.Helper()
	rc, _, err := s.Open(context.Background(), key)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

// failingReader yields some bytes, then fails, like a dropped connection.
type failingReader struct{ sent bool }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.sent {
		return 0, errors.New("connection reset")
	}
	r.sent = true
	return copy(p, "half a file"), nil
}

// TestLocalStoreAtomicPut checks every way a Put can end: a reader sees the
// old content or the whole new one, never a part, and a failed Put leaves
// neither a changed file nor a temporary one behind.
func TestLocalStoreAtomicPut(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		r       io.Reader
		wantErr bool
		want    string // content under the key afterwards
	}{
		{"replacement succeeds", context.Background(), strings.NewReader("new content"), false, "new content"},
		{"reader fails midway", context.Background(), &failingReader{}, true, "old content"},
		{"context cancelled", cancelled, strings.NewReader("new content"), true, "old content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := newTestStore(t)
			key := NewKey("gif")
			if err := s.Put(context.Background(), key, strings.NewReader("old content"), ContentTypeGIF); err != nil {
				t.Fatal(err)
			}
			err := s.Put(tt.ctx, key, tt.r, ContentTypeGIF)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Put = %v, want error %v", err, tt.wantErr)
			}
			if got, err := readKey(t, s, key); err != nil || got != tt.want {
				t.Errorf("content = %q (%v), want %q", got, err, tt.want)
			}
			if got := files(t, dir); len(got) != 1 || got[0] != key {
				t.Errorf("files = %v, want only %s", got, key)
			}
		})
	}
}

// TestLocalStoreInvisibleWhileWriting holds a Put half-way through its
// body and checks that readers still see the old content meanwhile.
func TestLocalStoreInvisibleWhileWriting(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	key := NewKey("jpg")
	if err := s.Put(ctx, key, strings.NewReader("old"), ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- s.Put(ctx, key, pr, ContentTypeJPEG) }()

	if _, err := pw.Write([]byte("first half, ")); err != nil { // returns once Put has read it
		t.Fatal(err)
	}
	if got, err := readKey(t, s, key); err != nil || got != "old" {
		t.Errorf("during Put: content = %q (%v), want %q", got, err, "old")
	}
	pw.Write([]byte("second half"))
	pw.Close()
	if err := <-done; err != nil {
		t.Fatalf("Put: %v", err)
	}
	if got, _ := readKey(t, s, key); got != "first half, second half" {
		t.Errorf("after Put: content = %q", got)
	}
}
