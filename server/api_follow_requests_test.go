package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// update_credentials locks an account; follows of it then answer
// requested (and requested_by the other way), wait in
// /api/v1/follow_requests (paged by Link) and are authorized or rejected
// there, each answering the relationship. Unlocking accepts the rest.
func TestAPIFollowRequests(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		alice, bob, carol, dave := env.user("alice"), env.user("bob"), env.user("carol"), env.user("dave")
		aliceTok, carolTok, readOnly := env.token(alice, ""), env.token(carol, ""), env.token(alice, "read")
		aliceID, bobID, carolID, daveID := id(alice.ID), id(bob.ID), id(carol.ID), id(dave.ID)

		wantAPIStatus(t, "read-only token locks", env.call(http.MethodPatch, "/api/v1/accounts/update_credentials", readOnly,
			url.Values{"locked": {"true"}}), http.StatusForbidden)
		r := env.call(http.MethodPatch, "/api/v1/accounts/update_credentials", aliceTok,
			url.Values{"locked": {"true"}, "display_name": {"Alice A."}})
		wantAPIStatus(t, "lock", r, http.StatusOK)
		if acct := r.JSON(t); acct["locked"] != true || acct["display_name"] != "Alice A." {
			t.Fatalf("account after update_credentials = %v", acct)
		}
		if acct := env.call(http.MethodGet, "/api/v1/accounts/verify_credentials", aliceTok, nil).JSON(t); acct["locked"] != true {
			t.Fatalf("verify_credentials after locking = %v", acct)
		}
		wantAPIStatus(t, "bad locked", env.call(http.MethodPatch, "/api/v1/accounts/update_credentials", aliceTok,
			url.Values{"locked": {"maybe"}}), http.StatusUnprocessableEntity)

		followers := []struct{ who, token string }{{"bob", env.token(bob, "")}, {"carol", carolTok}, {"dave", env.token(dave, "")}}
		for _, f := range followers {
			who, tok := f.who, f.token
			rel := env.call(http.MethodPost, "/api/v1/accounts/"+aliceID+"/follow", tok, url.Values{}).JSON(t)
			if rel["requested"] != true || rel["following"] != false {
				t.Fatalf("%s follows locked alice: relationship %v; want requested", who, rel)
			}
		}
		rels := env.call(http.MethodGet, "/api/v1/accounts/relationships?id[]="+bobID, aliceTok, nil).list(t)
		if len(rels) != 1 || rels[0]["requested_by"] != true || rels[0]["followed_by"] != false {
			t.Fatalf("alice's relationship with bob = %v; want requested_by", rels)
		}

		first := env.call(http.MethodGet, "/api/v1/follow_requests?limit=2", aliceTok, nil)
		wantAPIStatus(t, "follow requests", first, http.StatusOK)
		if got := accountIDs(first.list(t)); got != daveID+","+carolID {
			t.Fatalf("first page of follow requests = %s; want dave, carol", got)
		}
		m := nextLink.FindStringSubmatch(first.Header.Get("Link"))
		if m == nil {
			t.Fatalf("first page of follow requests has no next link: %q", first.Header.Get("Link"))
		}
		if got := accountIDs(env.call(http.MethodGet, strings.TrimPrefix(m[1], env.ts.URL), aliceTok, nil).list(t)); got != bobID {
			t.Fatalf("second page of follow requests = %s; want bob", got)
		}

		wantAPIStatus(t, "carol authorizes alice's request", env.call(http.MethodPost, "/api/v1/follow_requests/"+bobID+"/authorize", carolTok, url.Values{}), http.StatusNotFound)
		wantAPIStatus(t, "read-only token authorizes", env.call(http.MethodPost, "/api/v1/follow_requests/"+bobID+"/authorize", readOnly, url.Values{}), http.StatusForbidden)
		r = env.call(http.MethodPost, "/api/v1/follow_requests/"+bobID+"/authorize", aliceTok, url.Values{})
		wantAPIStatus(t, "authorize bob", r, http.StatusOK)
		if rel := r.JSON(t); rel["id"] != bobID || rel["followed_by"] != true || rel["requested_by"] != false {
			t.Fatalf("relationship after authorizing = %v", rel)
		}
		r = env.call(http.MethodPost, "/api/v1/follow_requests/"+carolID+"/reject", aliceTok, url.Values{})
		wantAPIStatus(t, "reject carol", r, http.StatusOK)
		if rel := r.JSON(t); rel["followed_by"] != false || rel["requested_by"] != false {
			t.Fatalf("relationship after rejecting = %v", rel)
		}
		if rel := env.call(http.MethodGet, "/api/v1/accounts/relationships?id[]="+aliceID, carolTok, nil).list(t); rel[0]["requested"] != false || rel[0]["following"] != false {
			t.Fatalf("carol's relationship with alice after the reject = %v", rel)
		}
		wantAPIStatus(t, "reject again", env.call(http.MethodPost, "/api/v1/follow_requests/"+carolID+"/reject", aliceTok, url.Values{}), http.StatusNotFound)
		if got := accountIDs(env.call(http.MethodGet, "/api/v1/follow_requests", aliceTok, nil).list(t)); got != daveID {
			t.Fatalf("follow requests after answering two = %s; want dave", got)
		}
		ns := env.call(http.MethodGet, "/api/v1/notifications", aliceTok, nil).list(t)
		if len(ns) != 2 || ns[0]["type"] != "follow" || ns[1]["type"] != "follow_request" {
			t.Fatalf("alice's notifications = %v; want bob's follow, then dave's request still waiting", ns)
		}

		r = env.call(http.MethodPatch, "/api/v1/accounts/update_credentials", aliceTok, url.Values{"locked": {"false"}})
		if acct := r.JSON(t); acct["locked"] != false || acct["display_name"] != "Alice A." {
			t.Fatalf("account after unlocking = %v", acct)
		}
		if got := env.call(http.MethodGet, "/api/v1/follow_requests", aliceTok, nil).list(t); len(got) != 0 {
			t.Fatalf("follow requests after unlocking = %v", got)
		}
		if rel := env.call(http.MethodGet, "/api/v1/accounts/relationships?id[]="+daveID, aliceTok, nil).list(t); rel[0]["followed_by"] != true {
			t.Fatalf("dave after alice unlocked = %v; want followed_by", rel)
		}
	})
}

// accountIDs joins the ids of a list of accounts.
func accountIDs(list []map[string]any) string {
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i], _ = a["id"].(string)
	}
	return strings.Join(ids, ",")
}
