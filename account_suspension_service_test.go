package corkboard_test

import (
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func (w *pinWorld) admin(name string) *corkboard.Account {
	w.t.Helper()
	a, err := w.svc.CreateAccount(w.ctx, corkboard.NewAccount{Username: name, Password: "password1", IsAdmin: true, Approved: true})
	if err != nil {
		w.t.Fatal(err)
	}
	return a
}

// TestSuspendLocalAccount: a suspension signs the person out everywhere
// at once (session and token dead), refuses their sign-in, hides their
// profile, boards and pins and refuses messages to them; unsuspending
// brings everything back but the ended session and token. Only admins
// suspend, never themselves or another admin; both acts are recorded.
func TestSuspendLocalAccount(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		root, alice, bob := w.admin("root"), w.person("alice"), w.person("bob")
		b := w.board(alice, "Lamps", false)
		pin := w.pin(alice, b, "a lamp")
		session, err := w.svc.CreateSession(w.ctx, alice, "test")
		if err != nil {
			t.Fatal(err)
		}
		token, err := w.svc.IssueToken(w.ctx, alice, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			by   *corkboard.Account
			id   int64
			want string
		}{
			{"signed out", nil, alice.ID, corkboard.EFORBIDDEN},
			{"a non-admin", bob, alice.ID, corkboard.EFORBIDDEN},
			{"oneself", root, root.ID, corkboard.EINVALID},
			{"an admin", corkboard.ConsoleAdmin(), root.ID, corkboard.EINVALID},
			{"nobody", root, alice.ID + 1000, corkboard.ENOTFOUND},
		} {
			if _, err := w.svc.SuspendAccount(w.ctx, tc.by, tc.id, ""); corkboard.ErrorCode(err) != tc.want {
				t.Errorf("suspend by %s: %v, want %s", tc.name, err, tc.want)
			}
		}
		if _, err := w.svc.SuspendAccount(w.ctx, root, alice.ID, "spam"); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SuspendAccount(w.ctx, root, alice.ID, "again"); corkboard.ErrorCode(err) != corkboard.ECONFLICT {
			t.Errorf("second suspension: %v, want ECONFLICT", err)
		}
		gone := func(when string, want string) {
			t.Helper()
			checks := map[string]error{}
			_, checks["profile"] = w.svc.PublicProfile(w.ctx, "alice")
			_, checks["board"] = w.svc.Board(w.ctx, bob, "alice", b.Slug)
			_, checks["board by id"] = w.svc.BoardByID(w.ctx, nil, b.ID)
			_, checks["pin"] = w.svc.Pin(w.ctx, bob, pin.ID)
			_, checks["message to her"] = w.svc.SendMessage(w.ctx, bob, []int64{alice.ID}, "hi", corkboard.MessageAttachment{})
			for what, err := range checks {
				if got := corkboard.ErrorCode(err); (want == "" && err != nil) || (want != "" && got == "") {
					t.Errorf("%s, %s: %v, want %q", when, what, err, want)
				}
			}
		}
		gone("suspended", "refused")
		if _, err := w.svc.SessionAccount(w.ctx, session); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
			t.Errorf("her session after suspension: %v, want EUNAUTHORIZED", err)
		}
		if _, err := w.svc.ResolveToken(w.ctx, token); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
			t.Errorf("her token after suspension: %v, want EUNAUTHORIZED", err)
		}
		if _, err := w.svc.Authenticate(w.ctx, "alice", "password1"); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Errorf("her sign-in while suspended: %v, want EFORBIDDEN", err)
		}
		ss, err := w.svc.Suspensions(w.ctx, root, false, 10)
		if err != nil || len(ss) != 1 || ss[0].Account == nil || ss[0].Account.ID != alice.ID ||
			ss[0].SuspendedBy == nil || ss[0].SuspendedBy.ID != root.ID || ss[0].Reason != "spam" {
			t.Fatalf("suspensions = %+v, %v", ss, err)
		}

		if _, err := w.svc.UnsuspendAccount(w.ctx, bob, alice.ID); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Errorf("unsuspend by a non-admin: %v", err)
		}
		if _, err := w.svc.UnsuspendAccount(w.ctx, corkboard.ConsoleAdmin(), alice.ID); err != nil {
			t.Fatal(err)
		}
		gone("unsuspended", "")
		if _, err := w.svc.Authenticate(w.ctx, "alice", "password1"); err != nil {
			t.Errorf("her sign-in after unsuspension: %v", err)
		}
		if _, err := w.svc.SessionAccount(w.ctx, session); err == nil {
			t.Error("the session a suspension ended came back")
		}
		if ss, _ := w.svc.Suspensions(w.ctx, root, false, 10); len(ss) != 0 {
			t.Errorf("lasting suspensions after unsuspension: %d", len(ss))
		}
		all, err := w.svc.Suspensions(w.ctx, root, true, 10)
		if err != nil || len(all) != 1 || all[0].LiftedAt.IsZero() || all[0].LiftedByID != 0 || all[0].LiftedBy != nil {
			t.Errorf("the record of a suspension lifted from the command line = %+v, %v", all, err)
		}
	})
}

// TestSuspendRemoteAccount: a remote person's suspension removes their
// follows of our people and their pins, and survives a refetch of their
// actor (which upserts the row); unsuspension keeps what was removed
// removed.
func TestSuspendRemoteAccount(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		bw := &blockWorld{t: t, ctx: w.ctx, db: db, svc: w.svc}
		root, alice := w.admin("root"), w.person("alice")
		spammer, pin := bw.remotePin("spammer", "remote.example")
		if err := db.CreateFollow(w.ctx, &corkboard.Follow{FollowerID: spammer.ID, TargetAccountID: alice.ID, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SuspendAccount(w.ctx, root, spammer.ID, "report #1"); err != nil {
			t.Fatal(err)
		}
		if followers, _, err := w.svc.FollowCounts(w.ctx, alice.ID, 0); err != nil || followers != 0 {
			t.Errorf("alice's followers after the suspension: %d, %v; want 0", followers, err)
		}
		if _, err := db.PinByIRI(w.ctx, pin.IRI); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("their pin after the suspension: %v, want ENOTFOUND", err)
		}
		refetched := *spammer
		refetched.Disabled, refetched.DisplayName, refetched.FetchedAt = false, "New name", time.Now()
		if err := db.UpsertRemoteAccount(w.ctx, &refetched); err != nil {
			t.Fatal(err)
		}
		if a, err := db.AccountByID(w.ctx, spammer.ID); err != nil || !a.Disabled || a.DisplayName != "New name" {
			t.Errorf("after a refetch: %+v, %v; want still suspended", a, err)
		}
		if got, err := w.svc.AccountByHandle(w.ctx, "@SPAMMER@remote.example"); err != nil || got.ID != spammer.ID {
			t.Errorf("account by handle: %+v, %v", got, err)
		}
		if _, err := w.svc.UnsuspendAccount(w.ctx, root, spammer.ID); err != nil {
			t.Fatal(err)
		}
		if a, _ := db.AccountByID(w.ctx, spammer.ID); a.Disabled {
			t.Error("still disabled after unsuspension")
		}
		if _, err := db.PinByIRI(w.ctx, pin.IRI); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("their pin came back with the unsuspension: %v", err)
		}
	})
}

// TestResolveAndReopenReports: admins resolve a report with a note (who
// and when recorded), resolved reports list after open ones, and a
// reopened report is open again; suspending from a report resolves it.
func TestResolveAndReopenReports(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		root, alice, bob := w.admin("root"), w.person("alice"), w.person("bob")
		file := func(n string, target int64) *corkboard.Report {
			r := &corkboard.Report{IRI: "https://remote.example/flags/" + n, ReporterIRI: "https://remote.example/actor", TargetAccountID: target}
			if err := w.svc.FileRemoteReport(w.ctx, r); err != nil {
				t.Fatal(err)
			}
			return r
		}
		first, second, third := file("1", alice.ID), file("2", bob.ID), file("3", 0)
		if err := w.svc.ResolveReport(w.ctx, bob, first.ID, ""); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Errorf("a non-admin resolves: %v, want EFORBIDDEN", err)
		}
		if err := w.svc.ResolveReport(w.ctx, root, third.ID+100, ""); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("resolving a missing report: %v, want ENOTFOUND", err)
		}
		if err := w.svc.ResolveReport(w.ctx, root, third.ID, "warned them"); err != nil {
			t.Fatal(err)
		}
		rs, err := w.svc.Reports(w.ctx, root, 10)
		if err != nil || len(rs) != 3 {
			t.Fatalf("reports: %d, %v", len(rs), err)
		}
		if rs[0].ID != second.ID || rs[1].ID != first.ID || rs[2].ID != third.ID {
			t.Errorf("order = %d %d %d, want open ones newest first, then the resolved one", rs[0].ID, rs[1].ID, rs[2].ID)
		}
		if r := rs[2]; r.Open() || r.ResolvedBy == nil || r.ResolvedBy.ID != root.ID || r.ActionNote != "warned them" || !r.ResolvedAt.Equal(testEpoch) {
			t.Errorf("resolved report = %+v", r)
		}
		if err := w.svc.ReopenReport(w.ctx, root, third.ID); err != nil {
			t.Fatal(err)
		}
		if rs, _ := w.svc.Reports(w.ctx, root, 10); rs[0].ID != third.ID || !rs[0].Open() || rs[0].ResolvedByID != 0 || rs[0].ActionNote != "" {
			t.Errorf("after reopening: %+v", rs[0])
		}
		if _, err := w.svc.SuspendReported(w.ctx, root, third.ID); corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Errorf("suspending from a report without a target: %v, want EINVALID", err)
		}
		if _, err := w.svc.SuspendReported(w.ctx, root, second.ID); err != nil {
			t.Fatal(err)
		}
		rs, _ = w.svc.Reports(w.ctx, root, 10)
		last := rs[len(rs)-1]
		if last.ID != second.ID || last.Open() || last.ActionNote != "suspended @bob" || last.Target == nil || !last.Target.Disabled {
			t.Errorf("report after suspending its target = %+v", last)
		}
	})
}
