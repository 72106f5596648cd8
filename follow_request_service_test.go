package corkboard_test

import (
	"slices"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// feedOf lists the descriptions of the pins in a person's home feed,
// newest first.
func (w *pinWorld) feedOf(a *corkboard.Account) []string {
	w.t.Helper()
	page, err := w.svc.HomeFeed(w.ctx, a, 0, 50)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, p := range page.Pins {
		out = append(out, p.Description)
	}
	return out
}

// notificationTypes lists a person's notifications as "type from".
func (w *pinWorld) notificationTypes(a *corkboard.Account) []string {
	w.t.Helper()
	ns, err := w.svc.Notifications(w.ctx, a, 0, 50)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, n.Type+" "+n.From.Acct())
	}
	return out
}

// relationship is the viewer's relationship with one account.
func (w *pinWorld) relationship(viewer, other *corkboard.Account) corkboard.Relationship {
	w.t.Helper()
	rs, err := w.svc.Relationships(w.ctx, viewer, []int64{other.ID})
	if err != nil || len(rs) != 1 {
		w.t.Fatalf("relationship of %s with %s: %v, %v", viewer.Username, other.Username, rs, err)
	}
	return rs[0]
}

func (w *pinWorld) lock(a *corkboard.Account, locked bool) {
	w.t.Helper()
	if err := w.svc.SetLocked(w.ctx, a, locked); err != nil {
		w.t.Fatal(err)
	}
}

// A follow of a locked person waits: it brings no pins (old or new) and
// asks with a "follow_request" notification; once authorized it brings
// their pins, new ones too, and the "follow" notification comes then.
func TestFollowOfLockedPersonWaitsForAuthorize(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		ideas := w.board(alice, "Ideas", false)
		w.pin(alice, ideas, "before")
		w.lock(alice, true)
		f, err := w.svc.FollowAccountByID(w.ctx, bob, alice.ID)
		if err != nil || !f.Pending {
			t.Fatalf("follow of a locked person = %+v, %v; want pending", f, err)
		}
		w.pin(alice, ideas, "while waiting")
		if feed := w.feedOf(bob); len(feed) != 0 {
			t.Errorf("bob's feed while his follow waits = %v; want empty", feed)
		}
		if got := w.relationship(bob, alice); !got.Requested || got.Following {
			t.Errorf("bob's relationship with alice = %+v; want requested", got)
		}
		if got := w.relationship(alice, bob); !got.RequestedBy || got.FollowedBy {
			t.Errorf("alice's relationship with bob = %+v; want requested_by", got)
		}
		if got := w.notificationTypes(alice); !slices.Equal(got, []string{"follow_request bob"}) {
			t.Errorf("alice's notifications = %v; want a follow request", got)
		}
		if n, err := w.svc.CountFollowRequests(w.ctx, alice); err != nil || n != 1 {
			t.Errorf("alice's follow requests = %d, %v; want 1", n, err)
		}
		if followers, _, _ := w.svc.FollowCounts(w.ctx, alice.ID, 0); followers != 0 {
			t.Errorf("alice has %d followers before answering; want 0", followers)
		}

		if err := w.svc.AuthorizeFollowRequest(w.ctx, alice, bob.ID); err != nil {
			t.Fatal(err)
		}
		w.pin(alice, ideas, "after")
		if got := w.feedOf(bob); !slices.Equal(got, []string{"after", "while waiting", "before"}) {
			t.Errorf("bob's feed once accepted = %v", got)
		}
		if got := w.relationship(alice, bob); !got.FollowedBy || got.RequestedBy {
			t.Errorf("alice's relationship with bob once accepted = %+v", got)
		}
		if got := w.notificationTypes(alice); !slices.Equal(got, []string{"follow bob"}) {
			t.Errorf("alice's notifications once accepted = %v; want the follow, in place of the request", got)
		}
		if reqs, err := w.svc.FollowRequests(w.ctx, alice, 0, 10); err != nil || len(reqs) != 0 {
			t.Errorf("alice's follow requests once answered = %v, %v", reqs, err)
		}
	})
}

// Rejecting removes the follow; nobody but the person asked can answer a
// request, and a follow that no longer waits is no request. A request
// answered or withdrawn leaves no "follow_request" notification behind.
func TestFollowRequestAnswers(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob, carol, dave := w.person("alice"), w.person("bob"), w.person("carol"), w.person("dave")
		w.pin(alice, w.board(alice, "Ideas", false), "hers")
		w.lock(alice, true)
		for _, p := range []*corkboard.Account{bob, carol} {
			if _, err := w.svc.FollowAccountByID(w.ctx, p, alice.ID); err != nil {
				t.Fatal(err)
			}
		}
		reqs, err := w.svc.FollowRequests(w.ctx, alice, 0, 10)
		if err != nil || len(reqs) != 2 || reqs[0].From.Username != "carol" || reqs[1].From.Username != "bob" {
			t.Fatalf("alice's follow requests = %v, %v; want carol, then bob", reqs, err)
		}
		tests := []struct {
			name     string
			answer   func() error
			wantCode string
		}{
			{"someone else authorizes", func() error { return w.svc.AuthorizeFollowRequest(w.ctx, dave, bob.ID) }, corkboard.ENOTFOUND},
			{"someone else rejects", func() error { return w.svc.RejectFollowRequest(w.ctx, dave, bob.ID) }, corkboard.ENOTFOUND},
			{"nobody asked", func() error { return w.svc.AuthorizeFollowRequest(w.ctx, alice, dave.ID) }, corkboard.ENOTFOUND},
			{"signed out", func() error { return w.svc.AuthorizeFollowRequest(w.ctx, nil, bob.ID) }, corkboard.EUNAUTHORIZED},
			{"reject carol", func() error { return w.svc.RejectFollowRequest(w.ctx, alice, carol.ID) }, ""},
			{"carol again", func() error { return w.svc.AuthorizeFollowRequest(w.ctx, alice, carol.ID) }, corkboard.ENOTFOUND},
			{"authorize bob", func() error { return w.svc.AuthorizeFollowRequest(w.ctx, alice, bob.ID) }, ""},
			{"an accepted follow is no request", func() error { return w.svc.RejectFollowRequest(w.ctx, alice, bob.ID) }, corkboard.ENOTFOUND},
		}
		for _, tt := range tests {
			if code := corkboard.ErrorCode(tt.answer()); code != tt.wantCode {
				t.Errorf("%s: error code %q; want %q", tt.name, code, tt.wantCode)
			}
		}
		if st, err := w.svc.FollowStateOf(w.ctx, carol, alice.ID, 0); err != nil || st != (corkboard.FollowState{}) {
			t.Errorf("carol's follow after the reject = %+v, %v; want none", st, err)
		}
		if feed := w.feedOf(carol); len(feed) != 0 {
			t.Errorf("carol's feed after the reject = %v; want empty", feed)
		}
		if st, _ := w.svc.FollowStateOf(w.ctx, bob, alice.ID, 0); !st.Following {
			t.Errorf("bob's follow = %+v; want accepted", st)
		}
		if _, err := w.svc.FollowAccountByID(w.ctx, dave, alice.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.UnfollowAccountByID(w.ctx, dave, alice.ID); err != nil {
			t.Fatal(err)
		}
		if got := w.notificationTypes(alice); !slices.Equal(got, []string{"follow bob"}) {
			t.Errorf("alice's notifications after answering and a withdrawal = %v; want bob's follow only", got)
		}
		if n, err := w.svc.CountFollowRequests(w.ctx, alice); err != nil || n != 0 {
			t.Errorf("alice's follow requests at the end = %d, %v; want 0", n, err)
		}
	})
}

// Turning approval off accepts every request still waiting, local and
// remote, as Mastodon does; turning it on again leaves followers alone.
func TestUnlockAcceptsWaitingFollows(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		w.pin(alice, w.board(alice, "Ideas", false), "hers")
		now := time.Now()
		zoe := &corkboard.Account{Username: "zoe", Domain: "remote.example", IRI: "https://remote.example/users/zoe",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(w.ctx, zoe); err != nil {
			t.Fatal(err)
		}
		w.lock(alice, true)
		if _, err := w.svc.FollowAccountByID(w.ctx, bob, alice.ID); err != nil {
			t.Fatal(err)
		}
		if f, err := w.svc.AcceptRemoteFollow(w.ctx, zoe, alice.ID, 0, "https://remote.example/follows/1"); err != nil || !f.Pending {
			t.Fatalf("zoe's follow of locked alice = %+v, %v; want pending", f, err)
		}
		w.lock(alice, false)
		stored, err := db.AccountByID(w.ctx, alice.ID)
		if err != nil || stored.ManuallyApproves {
			t.Fatalf("alice stored as %+v, %v; want unlocked", stored, err)
		}
		if followers, _, _ := w.svc.FollowCounts(w.ctx, alice.ID, 0); followers != 2 {
			t.Errorf("alice has %d followers after unlocking; want 2", followers)
		}
		if got := w.feedOf(bob); !slices.Equal(got, []string{"hers"}) {
			t.Errorf("bob's feed after alice unlocked = %v", got)
		}
		w.lock(alice, true)
		if followers, _, _ := w.svc.FollowCounts(w.ctx, alice.ID, 0); followers != 2 {
			t.Errorf("alice has %d followers after locking again; want 2", followers)
		}
		if f, _ := w.svc.FollowAccountByID(w.ctx, w.person("carol"), alice.ID); f == nil || !f.Pending {
			t.Errorf("a new follow after locking again = %+v; want pending", f)
		}
	})
}
