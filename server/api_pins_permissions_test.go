package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Only the owner changes a board or pin: someone else gets 403 for a
// public one and 404 for a secret one (whose existence is not revealed);
// no token is 401 and a token without the write scope 403.
func TestAPIPinAndBoardPermissions(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		owner := env.token(env.admin, "")
		bob := env.token(env.user("bob"), "")
		readOnly := env.token(env.admin, "read")
		ids := map[string]string{
			"{public}": str(t, env.createBoard(owner, "Public", false), "id"),
			"{secret}": str(t, env.createBoard(owner, "Hidden", true), "id"),
		}
		ids["{pin}"] = str(t, env.createPin(owner, ids["{public}"], "public pin"), "id")
		ids["{secretpin}"] = str(t, env.createPin(owner, ids["{secret}"], "secret pin"), "id")
		ids["{bobpin}"] = str(t, env.createPin(bob, str(t, env.createBoard(bob, "Bob's", false), "id"), "bob's pin"), "id")
		edit := url.Values{"title": {"changed"}}
		tests := []struct {
			name, token, method, path string
			form                      url.Values
			want                      int
		}{
			{"edit someone's public board", bob, http.MethodPatch, "/api/v1/boards/{public}", edit, http.StatusForbidden},
			{"edit someone's secret board", bob, http.MethodPatch, "/api/v1/boards/{secret}", edit, http.StatusNotFound},
			{"delete someone's public board", bob, http.MethodDelete, "/api/v1/boards/{public}", nil, http.StatusForbidden},
			{"delete someone's secret board", bob, http.MethodDelete, "/api/v1/boards/{secret}", nil, http.StatusNotFound},
			{"edit someone's public pin", bob, http.MethodPatch, "/api/v1/pins/{pin}", edit, http.StatusForbidden},
			{"edit someone's secret pin", bob, http.MethodPatch, "/api/v1/pins/{secretpin}", edit, http.StatusNotFound},
			{"delete someone's public pin", bob, http.MethodDelete, "/api/v1/pins/{pin}", nil, http.StatusForbidden},
			{"delete someone's secret pin", bob, http.MethodDelete, "/api/v1/pins/{secretpin}", nil, http.StatusNotFound},
			{"move own pin onto someone's board", bob, http.MethodPatch, "/api/v1/pins/{bobpin}", url.Values{"board_id": {"{public}"}}, http.StatusForbidden},
			{"move own pin onto someone's secret board", bob, http.MethodPatch, "/api/v1/pins/{bobpin}", url.Values{"board_id": {"{secret}"}}, http.StatusNotFound},
			{"pin by URL onto someone's board", bob, http.MethodPost, "/api/v1/pins", url.Values{"board_id": {"{public}"}, "image_url": {"http://example.invalid/a.png"}}, http.StatusForbidden},
			{"pin by URL onto someone's secret board", bob, http.MethodPost, "/api/v1/pins", url.Values{"board_id": {"{secret}"}, "image_url": {"http://example.invalid/a.png"}}, http.StatusNotFound},
			{"save a secret pin", bob, http.MethodPost, "/api/v1/pins/{secretpin}/save", url.Values{"board_id": {"{public}"}}, http.StatusNotFound},
			{"save onto someone's board", bob, http.MethodPost, "/api/v1/pins/{pin}/save", url.Values{"board_id": {"{public}"}}, http.StatusForbidden},
			{"like a secret pin", bob, http.MethodPost, "/api/v1/pins/{secretpin}/like", nil, http.StatusNotFound},
			{"comment on a secret pin", bob, http.MethodPost, "/api/v1/pins/{secretpin}/comments", url.Values{"text": {"hi"}}, http.StatusNotFound},
			{"create board without a token", "", http.MethodPost, "/api/v1/boards", url.Values{"title": {"x"}}, http.StatusUnauthorized},
			{"edit board without a token", "", http.MethodPatch, "/api/v1/boards/{public}", edit, http.StatusUnauthorized},
			{"delete pin without a token", "", http.MethodDelete, "/api/v1/pins/{pin}", nil, http.StatusUnauthorized},
			{"like without a token", "", http.MethodPost, "/api/v1/pins/{pin}/like", nil, http.StatusUnauthorized},
			{"create pin without a token", "", http.MethodPost, "/api/v1/pins", url.Values{"board_id": {"{public}"}}, http.StatusUnauthorized},
			{"home timeline without a token", "", http.MethodGet, "/api/v1/timelines/home", nil, http.StatusUnauthorized},
			{"edit with a read-only token", readOnly, http.MethodPatch, "/api/v1/pins/{pin}", edit, http.StatusForbidden},
			{"create board with a read-only token", readOnly, http.MethodPost, "/api/v1/boards", url.Values{"title": {"x"}}, http.StatusForbidden},
			{"read with a bad token", "nope", http.MethodGet, "/api/v1/pins/{pin}", nil, http.StatusUnauthorized},
			{"read a public pin anonymously", "", http.MethodGet, "/api/v1/pins/{pin}", nil, http.StatusOK},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				form := url.Values(nil)
				if tt.form != nil {
					form = url.Values{}
					for k, vs := range tt.form {
						form.Set(k, expand(ids, vs[0]))
					}
				}
				r := env.call(tt.method, expand(ids, tt.path), tt.token, form)
				wantAPIStatus(t, tt.name, r, tt.want)
				if msg, _ := r.JSON(t)["error"].(string); tt.want >= 400 && msg == "" {
					t.Errorf("error answer without a message: %s", r.Body)
				}
			})
		}
		// Nothing above changed anything.
		for _, path := range []string{"/api/v1/pins/{pin}", "/api/v1/pins/{secretpin}"} {
			r := env.get(expand(ids, path), owner)
			wantAPIStatus(t, "owner reads "+path, r, http.StatusOK)
			if m := r.JSON(t); m["title"] != "" || m["like_count"] != float64(0) || m["save_count"] != float64(0) || m["comment_count"] != float64(0) {
				t.Errorf("%s changed: %v", path, m)
			}
		}
	})
}

// expand replaces {name} placeholders with the ids made by the test.
func expand(ids map[string]string, s string) string {
	for k, v := range ids {
		s = strings.ReplaceAll(s, k, v)
	}
	return s
}
