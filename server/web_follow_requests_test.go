package server_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/corkboard/corkboard"
)

// The profile settings' checkbox locks an account; follows of it then
// wait on /follow-requests (counted in the nav), where only its owner can
// accept or decline them, with the form's CSRF token.
func TestWebFollowRequests(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		bob, carol, dave := env.signedIn("bob", false), env.signedIn("carol", false), env.signedIn("dave", false)
		profile := url.Values{"display_name": {"Alice"}, "bio": {"Collects bread"}}
		wantNoBody(t, "settings before locking", alice.get("/settings/profile"), `name="locked" value="1" checked`)
		lockForm := url.Values{"display_name": {"Alice"}, "bio": {"Collects bread"}, "locked": {"1"}}
		wantStatus(t, "lock", alice.post("/settings/profile", lockForm), http.StatusSeeOther)
		wantBody(t, "settings after locking", alice.get("/settings/profile"), `name="locked" value="1" checked`)
		if !env.account("alice").ManuallyApproves {
			t.Fatal("alice is not locked after saving the checkbox")
		}

		for _, b := range []*webBrowser{bob, dave} {
			wantStatus(t, "follow locked alice", b.post("/@alice/follow", nil), http.StatusSeeOther)
		}
		bobID, daveID := id(env.account("bob").ID), id(env.account("dave").ID)
		wantBody(t, "nav count", alice.get("/"), `href="/follow-requests"`, `Follow requests <span class="nav-badge">2`)
		wantBody(t, "requests page", alice.get("/follow-requests"), "@bob", "@dave",
			`action="/follow-requests/`+bobID+`/authorize"`, `action="/follow-requests/`+daveID+`/reject"`)
		wantNoBody(t, "someone else's nav", carol.get("/"), `href="/follow-requests"`)

		wantStatus(t, "carol answers alice's request", carol.post("/follow-requests/"+bobID+"/authorize", nil), http.StatusNotFound)
		wantStatus(t, "carol declines alice's request", carol.post("/follow-requests/"+bobID+"/reject", nil), http.StatusNotFound)
		wantStatus(t, "authorize without CSRF", alice.post("/follow-requests/"+bobID+"/authorize", url.Values{"_csrf": {"-"}}), http.StatusForbidden)
		wantStatus(t, "reject without CSRF", alice.post("/follow-requests/"+daveID+"/reject", url.Values{"_csrf": {"-"}}), http.StatusForbidden)
		if st := env.followState("bob", "alice"); !st.Requested {
			t.Fatalf("bob's follow after refused answers = %+v; want still requested", st)
		}

		wantStatus(t, "authorize bob", alice.post("/follow-requests/"+bobID+"/authorize", nil), http.StatusSeeOther)
		wantStatus(t, "decline dave", alice.post("/follow-requests/"+daveID+"/reject", nil), http.StatusSeeOther)
		if st := env.followState("bob", "alice"); !st.Following {
			t.Errorf("bob's follow once authorized = %+v", st)
		}
		if st := env.followState("dave", "alice"); st.Following || st.Requested {
			t.Errorf("dave's follow once declined = %+v; want none", st)
		}
		wantBody(t, "requests page once answered", alice.get("/follow-requests"), "Nobody is waiting.")

		wantStatus(t, "carol follows", carol.post("/@alice/follow", nil), http.StatusSeeOther)
		wantStatus(t, "unlock", alice.post("/settings/profile", profile), http.StatusSeeOther)
		if env.account("alice").ManuallyApproves {
			t.Error("alice is still locked after unchecking the box")
		}
		if st := env.followState("carol", "alice"); !st.Following {
			t.Errorf("carol's waiting follow after alice unlocked = %+v; want accepted", st)
		}
	})
}

// followState is one local person's follow of another.
func (e *pinEnv) followState(follower, target string) corkboard.FollowState {
	e.t.Helper()
	st, err := e.srv.Service().FollowStateOf(e.t.Context(), e.account(follower), e.account(target).ID, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return st
}
