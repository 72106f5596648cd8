package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

// POST /api/v1/reports reports a direct status the caller received and
// answers with Mastodon's Report entity; nobody else can report it.
func TestAPIReportStatus(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		alice, bob, dave := env.user("alice"), env.user("bob"), env.user("dave")
		aliceTok, bobTok, daveTok := env.token(alice, ""), env.token(bob, ""), env.token(dave, "")
		r := env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{"status": {"@bob buy my stuff"}, "visibility": {"direct"}})
		wantAPIStatus(t, "direct status", r, http.StatusOK)
		statusID := str(t, r.JSON(t), "id")
		aliceID := id(alice.ID)
		report := func(extra url.Values) url.Values {
			v := url.Values{"account_id": {aliceID}, "status_ids[]": {statusID}, "comment": {"spam"}, "category": {"spam"}, "forward": {"true"}}
			for k, vs := range extra {
				v[k] = vs
			}
			return v
		}
		for _, tc := range []struct {
			name   string
			token  string
			form   url.Values
			status int
		}{
			{"an outsider", daveTok, report(nil), http.StatusNotFound},
			{"the sender", aliceTok, report(url.Values{"account_id": {id(bob.ID)}}), http.StatusNotFound},
			{"the wrong account", bobTok, report(url.Values{"account_id": {id(dave.ID)}}), http.StatusNotFound},
			{"no status", bobTok, report(url.Values{"status_ids[]": nil}), http.StatusUnprocessableEntity},
			{"an unknown category", bobTok, report(url.Values{"category": {"boring"}}), http.StatusUnprocessableEntity},
			{"a read-only token", env.token(bob, "read"), report(nil), http.StatusForbidden},
			{"no token", "", report(nil), http.StatusUnauthorized},
		} {
			wantAPIStatus(t, tc.name, env.call(http.MethodPost, "/api/v1/reports", tc.token, tc.form), tc.status)
		}
		r = env.call(http.MethodPost, "/api/v1/reports", bobTok, report(nil))
		wantAPIStatus(t, "report", r, http.StatusOK)
		got := r.JSON(t)
		ids, _ := got["status_ids"].([]any)
		target, _ := got["target_account"].(map[string]any)
		if str(t, got, "id") == "" || got["category"] != "spam" || got["comment"] != "spam" || got["action_taken"] != false ||
			got["forwarded"] != false || len(ids) != 1 || ids[0] != statusID || target["id"] != aliceID || got["created_at"] == nil {
			t.Errorf("report = %v", got)
		}
		wantAPIStatus(t, "the same report again", env.call(http.MethodPost, "/api/v1/reports", bobTok, report(nil)), http.StatusConflict)
	})
}
