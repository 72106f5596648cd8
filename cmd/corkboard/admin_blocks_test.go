package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAdminBlockCommands: block-domain normalizes and stores a block,
// list-blocks shows it, unblock-domain lifts it; a bad severity is
// refused with a clear message.
func TestAdminBlockCommands(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			sc := storagetest.Config(t, kind)
			settings := []string{"--data-dir", sc.DataDir}
			if sc.URL != "" {
				settings = append(settings, "--database-url", sc.URL)
			}
			admin := func(args ...string) string {
				return runAdmin(t, append(append(settings, "admin", "federation"), args...)...)
			}
			if out := admin("block-domain", "Spam.EXAMPLE.:443", "--reason", "spam waves"); !strings.Contains(out, "spam.example: suspend") {
				t.Errorf("block-domain said %q", out)
			}
			admin("block-domain", "bücher.example", "--severity", "silence")
			list := admin("list-blocks")
			if !strings.Contains(list, "spam.example") || !strings.Contains(list, "spam waves") ||
				!strings.Contains(list, "xn--bcher-kva.example  silence") {
				t.Errorf("list-blocks:\n%s", list)
			}
			admin("unblock-domain", "spam.example")
			if list := admin("list-blocks"); strings.Contains(list, "spam.example") {
				t.Errorf("still listed after unblock-domain:\n%s", list)
			}
			var out bytes.Buffer
			root := newRootCommand(&out, &out)
			root.SetArgs(append(settings, "admin", "federation", "block-domain", "x.example", "--severity", "ban"))
			if err := root.ExecuteContext(context.Background()); err == nil || !strings.Contains(err.Error(), "severity must be") {
				t.Errorf("a bad severity: %v", err)
			}
		})
	}
}
