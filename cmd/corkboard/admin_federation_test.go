package main

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAdminFederationCommands: "admin federation queue" counts delivery
// jobs by state and "admin federation hosts" lists the failing hosts
// only, on both databases.
func TestAdminFederationCommands(t *testing.T) {
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
			job := activitypub.DeliverArgs{Inbox: "https://down.example/inbox", Body: []byte(`{}`), SignerIRI: "https://cork.example/users/alice"}
			now := time.Now()
			err = errors.Join(db.Enqueue(ctx, job, job),
				db.SaveHostHealth(ctx, &corkboard.HostHealth{Host: "down.example", Failures: 7, FirstFailureAt: now.Add(-13 * time.Hour), UnavailableSince: now}),
				db.SaveHostHealth(ctx, &corkboard.HostHealth{Host: "fine.example", LastSuccessAt: now}),
				db.SaveHostSoftware(ctx, &corkboard.HostSoftware{Host: "down.example", Name: "pixelfed", Version: "0.12.5", CheckedAt: now}))
			if err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			settings := []string{"--data-dir", sc.DataDir}
			if sc.URL != "" {
				settings = append(settings, "--database-url", sc.URL)
			}
			queue := runAdmin(t, append(settings, "admin", "federation", "queue")...)
			if !regexp.MustCompile(`(?m)^delivery\s+2\s+0\s+0\s+0\s+0\s+0\s+0\s*$`).MatchString(queue) {
				t.Errorf("queue table:\n%s", queue)
			}
			hosts := runAdmin(t, append(settings, "admin", "federation", "hosts")...)
			if !strings.Contains(hosts, "down.example  7") || !strings.Contains(hosts, "pixelfed 0.12.5") || strings.Contains(hosts, "fine.example") {
				t.Errorf("hosts table:\n%s", hosts)
			}
		})
	}
}

// runAdmin runs the command tree in process and returns its output.
func runAdmin(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	root := newRootCommand(&out, &out)
	root.SetArgs(args)
	if err := root.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("corkboard %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}
