package vocab

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

const fixtureDir = "testdata/fixtures"

// fixture reads a captured payload, path relative to testdata/fixtures.
func fixture(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, filepath.FromSlash(path)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// fixturePaths lists every JSON payload under testdata/fixtures, sorted,
// relative and slash-separated.
func fixturePaths(tb testing.TB) []string {
	tb.Helper()
	var paths []string
	err := filepath.WalkDir(fixtureDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		rel, err := filepath.Rel(fixtureDir, p)
		paths = append(paths, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	return paths
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func embedded(t *testing.T, a *Activity) *Object {
	t.Helper()
	if a == nil {
		t.Fatal("not an activity")
	}
	o, err := a.Object().Object()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func oneImage(t *testing.T, o *Object) Attachment {
	t.Helper()
	if o == nil || len(o.Images()) != 1 {
		t.Fatalf("want one image, object %+v", o)
	}
	return o.Images()[0]
}

func wantIRIs(t *testing.T, what string, got IRIs, want ...string) {
	t.Helper()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
