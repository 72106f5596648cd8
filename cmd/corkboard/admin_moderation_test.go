package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAdminModerationCommands: "admin reports" lists open reports (and
// resolved ones with --all), "reports resolve" closes one as done from
// the command line, "suspend" and "unsuspend" act on local and remote
// handles, and a handle we do not know is refused with a clear message.
func TestAdminModerationCommands(t *testing.T) {
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
			alice := &corkboard.Account{Username: "alice", Approved: true, CreatedAt: now, UpdatedAt: now}
			spammer := &corkboard.Account{Username: "spammer", Domain: "spam.example", IRI: "https://spam.example/users/spammer",
				Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
			if err := db.CreateAccount(ctx, alice, "x"); err != nil {
				t.Fatal(err)
			}
			if err := db.UpsertRemoteAccount(ctx, spammer); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i, target := range []int64{alice.ID, spammer.ID} {
				r := &corkboard.Report{IRI: "https://spam.example/flags/" + strconv.Itoa(i), ReporterIRI: "https://spam.example/actor",
					TargetAccountID: target, Comment: "report\nnumber " + strconv.Itoa(i), CreatedAt: now}
				if _, err := db.CreateReport(ctx, r); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, strconv.FormatInt(r.ID, 10))
			}
			_ = db.Close()
			settings := []string{"--data-dir", sc.DataDir}
			if sc.URL != "" {
				settings = append(settings, "--database-url", sc.URL)
			}
			admin := func(args ...string) string { return runAdmin(t, append(append(settings, "admin"), args...)...) }

			list := admin("reports")
			if !strings.Contains(list, "@alice") || !strings.Contains(list, "@spammer@spam.example") || !strings.Contains(list, "report number 0") {
				t.Errorf("reports:\n%s", list)
			}
			if out := admin("reports", "resolve", ids[0], "--note", "warned her"); !strings.Contains(out, "report "+ids[0]+": resolved") {
				t.Errorf("resolve said %q", out)
			}
			if list := admin("reports"); strings.Contains(list, "@alice") || !strings.Contains(list, "@spammer") {
				t.Errorf("open reports after resolving alice's:\n%s", list)
			}
			if all := admin("reports", "--all"); !strings.Contains(all, "resolved (warned her)") || !strings.Contains(all, "@alice") {
				t.Errorf("reports --all:\n%s", all)
			}

			for _, handle := range []string{"@alice", "spammer@spam.example"} {
				if out := admin("suspend", handle, "--reason", "spam"); !strings.Contains(out, ": suspended") {
					t.Errorf("suspend %s said %q", handle, out)
				}
			}
			db, err = storage.Open(ctx, sc)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, id := range []int64{alice.ID, spammer.ID} {
				if a, err := db.AccountByID(ctx, id); err != nil || !a.Disabled {
					t.Errorf("account %d after suspend: %+v, %v", id, a, err)
				}
			}
			if list := admin("suspensions"); !strings.Contains(list, "@alice") || !strings.Contains(list, "@spammer@spam.example") || !strings.Contains(list, "console") {
				t.Errorf("suspensions:\n%s", list)
			}
			if out := admin("unsuspend", "@alice"); !strings.Contains(out, "@alice: unsuspended") {
				t.Errorf("unsuspend said %q", out)
			}
			if list := admin("suspensions"); strings.Contains(list, "@alice") || !strings.Contains(list, "@spammer") {
				t.Errorf("suspensions after unsuspending alice:\n%s", list)
			}
			if all := admin("suspensions", "--all"); !strings.Contains(all, "@alice") {
				t.Errorf("suspensions --all lacks the lifted one:\n%s", all)
			}
			if a, _ := db.AccountByID(ctx, alice.ID); a.Disabled {
				t.Error("alice is still disabled after unsuspend")
			}
			for _, args := range [][]string{{"suspend", "@nobody@else.example"}, {"unsuspend", "@alice"}, {"reports", "resolve", "999999"}} {
				var out bytes.Buffer
				root := newRootCommand(&out, &out)
				root.SetArgs(append(append(settings, "admin"), args...))
				err := root.ExecuteContext(ctx)
				if err == nil || strings.Contains(err.Error(), "internal") {
					t.Errorf("%v: %v, want a refusal", args, err)
				}
			}
		})
	}
}
