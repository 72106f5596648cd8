package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAdminRejectCommand: "admin reject" deletes a pending sign-up, which
// leaves the pending list; rejecting it again, or an approved account, is
// refused with a clear message and changes nothing.
func TestAdminRejectCommand(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			ctx, sc := context.Background(), storagetest.Config(t, kind)
			db, err := storage.Open(ctx, sc)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			for _, a := range []*corkboard.Account{
				{Username: "alice", Approved: true, CreatedAt: now, UpdatedAt: now},
				{Username: "carol", SignupNote: "I pin bread.", CreatedAt: now, UpdatedAt: now},
			} {
				if err := db.CreateAccount(ctx, a, "x"); err != nil {
					t.Fatal(err)
				}
			}
			_ = db.Close()
			settings := []string{"--data-dir", sc.DataDir}
			if sc.URL != "" {
				settings = append(settings, "--database-url", sc.URL)
			}
			admin := func(args ...string) string { return runAdmin(t, append(append(settings, "admin"), args...)...) }
			failing := func(args ...string) error {
				var out bytes.Buffer
				root := newRootCommand(&out, &out)
				root.SetArgs(append(append(settings, "admin"), args...))
				return root.ExecuteContext(context.Background())
			}

			if list := admin("list-users", "--pending"); !strings.Contains(list, "carol") {
				t.Fatalf("list-users --pending before:\n%s", list)
			}
			if out := admin("reject", "carol"); !strings.Contains(out, "rejected carol") {
				t.Errorf("reject said %q", out)
			}
			if list := admin("list-users"); strings.Contains(list, "carol") || !strings.Contains(list, "alice") {
				t.Errorf("list-users after reject:\n%s", list)
			}
			for _, tc := range []struct{ name, username, want string }{
				{"rejected twice", "carol", "not found"},
				{"approved account", "alice", "not waiting for approval"},
			} {
				if err := failing("reject", tc.username); err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: reject %s = %v, want %q", tc.name, tc.username, err, tc.want)
				}
			}
			if list := admin("list-users"); !strings.Contains(list, "alice") {
				t.Errorf("refused reject removed alice:\n%s", list)
			}
		})
	}
}
