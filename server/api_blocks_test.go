package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

// Blocking through the API: the relationship says so on both sides, the
// block list has the person, their messages and follows are refused, and
// unblocking lifts it. A read-only token cannot block.
func TestAPIBlocks(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		alice, bob := env.user("alice"), env.user("bob")
		aliceTok, bobTok, readOnly := env.token(alice, ""), env.token(bob, ""), env.token(alice, "read")
		bobID, aliceID := id(bob.ID), id(alice.ID)

		wantAPIStatus(t, "read-only token blocks", env.call(http.MethodPost, "/api/v1/accounts/"+bobID+"/block", readOnly, url.Values{}), http.StatusForbidden)
		r := env.call(http.MethodPost, "/api/v1/accounts/"+bobID+"/block", aliceTok, url.Values{})
		wantAPIStatus(t, "block", r, http.StatusOK)
		if rel := r.JSON(t); rel["blocking"] != true || rel["blocked_by"] != false || rel["id"] != bobID {
			t.Fatalf("relationship after blocking = %v", rel)
		}
		rels := env.call(http.MethodGet, "/api/v1/accounts/relationships?id[]="+aliceID, bobTok, nil).list(t)
		if len(rels) != 1 || rels[0]["blocked_by"] != true {
			t.Fatalf("bob's relationship with alice = %v; want blocked_by", rels)
		}
		blocks := env.call(http.MethodGet, "/api/v1/blocks", aliceTok, nil).list(t)
		if len(blocks) != 1 || blocks[0]["id"] != bobID {
			t.Fatalf("alice's blocks = %v", blocks)
		}
		wantAPIStatus(t, "blocked person follows", env.call(http.MethodPost, "/api/v1/accounts/"+aliceID+"/follow", bobTok, url.Values{}), http.StatusForbidden)
		wantAPIStatus(t, "blocked person writes", env.call(http.MethodPost, "/api/v1/statuses", bobTok,
			url.Values{"status": {"@alice hello"}, "visibility": {"direct"}}), http.StatusForbidden)

		r = env.call(http.MethodPost, "/api/v1/accounts/"+bobID+"/unblock", aliceTok, url.Values{})
		wantAPIStatus(t, "unblock", r, http.StatusOK)
		if rel := r.JSON(t); rel["blocking"] != false {
			t.Fatalf("relationship after unblocking = %v", rel)
		}
		if blocks := env.call(http.MethodGet, "/api/v1/blocks", aliceTok, nil).list(t); len(blocks) != 0 {
			t.Fatalf("alice's blocks after unblocking = %v", blocks)
		}
		wantAPIStatus(t, "follow after unblock", env.call(http.MethodPost, "/api/v1/accounts/"+aliceID+"/follow", bobTok, url.Values{}), http.StatusOK)
		wantAPIStatus(t, "block an unknown account", env.call(http.MethodPost, "/api/v1/accounts/999999/block", aliceTok, url.Values{}), http.StatusNotFound)
	})
}

// The message settings page lists the people one blocks, each with an
// Unblock button that works (and wants the form's CSRF token).
func TestWebBlockList(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		alice := env.signedIn("alice", false)
		bob := env.createAccount("bob", false)
		owner, err := env.db.AccountByUsername(t.Context(), "alice")
		if err != nil {
			t.Fatal(err)
		}
		wantBody(t, "nobody blocked", alice.get("/settings/messages"), "People you block", "Nobody.")
		if err := env.srv.Service().BlockAccount(t.Context(), owner, bob.ID); err != nil {
			t.Fatal(err)
		}
		unblock := "/settings/blocks/" + id(bob.ID) + "/unblock"
		wantBody(t, "block list", alice.get("/settings/messages"), "@bob", `action="`+unblock+`"`)
		wantStatus(t, "unblock without CSRF", alice.post(unblock, url.Values{"_csrf": {"-"}}), http.StatusForbidden)
		wantStatus(t, "unblock", alice.post(unblock, nil), http.StatusSeeOther)
		wantBody(t, "after unblocking", alice.get("/settings/messages"), "Nobody.")
	})
}
