package server_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// Acceptance 5 (API): pins on a secret board never show to anyone but the
// board's owner, on any endpoint, even to followers of the owner.
func TestAPISecretPinsStayHidden(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		owner := env.token(env.admin, "")
		bob := env.user("bob")
		bobTok := env.token(bob, "")
		public, secret := str(t, env.createBoard(owner, "Open kitchen", false), "id"), str(t, env.createBoard(owner, "Surprise party", true), "id")
		shown := str(t, env.createPin(owner, public, "cake ideas #party"), "id")
		hidden := str(t, env.createPin(owner, secret, "cake hidingplace #party"), "id")
		if _, err := env.srv.Service().FollowAccount(context.Background(), bob, "admin"); err != nil {
			t.Fatal(err)
		}
		wantAPIStatus(t, "follow board", env.call(http.MethodPost, "/api/v1/boards/"+public+"/follow", bobTok, nil), http.StatusOK)

		notFound := []string{"/api/v1/pins/" + hidden, "/api/v1/pins/" + hidden + "/comments",
			"/api/v1/boards/" + secret, "/api/v1/boards/" + secret + "/pins"}
		lists := []struct {
			path string
			want []string // pins that others see; the owner sees hidden too
		}{
			{"/api/v1/timelines/home", []string{shown}},
			{"/api/v1/tags/party/pins", []string{shown}},
			{"/api/v1/search/pins?q=cake", []string{shown}},
			{"/api/v1/search/pins?q=hidingplace", []string{}},
			{"/api/v1/accounts/" + itoa(env.admin.ID) + "/pins", []string{shown}},
			{"/api/v1/boards/" + public + "/pins", []string{shown}},
		}
		for _, who := range []struct{ name, token string }{{"bob", bobTok}, {"anonymous", ""}} {
			for _, path := range notFound {
				wantAPIStatus(t, who.name+" GET "+path, env.get(path, who.token), http.StatusNotFound)
			}
			for _, l := range lists {
				if who.token == "" && l.path == "/api/v1/timelines/home" {
					continue
				}
				if got := pinIDs(t, env.get(l.path, who.token)); !slices.Equal(got, l.want) {
					t.Errorf("%s: %s lists %v, want %v", who.name, l.path, got, l.want)
				}
			}
			r := env.get("/api/v1/search?q=surprise", who.token)
			wantAPIStatus(t, "search", r, http.StatusOK)
			if boards := r.JSON(t)["boards"].([]any); len(boards) != 0 {
				t.Errorf("%s: search finds the secret board: %v", who.name, boards)
			}
		}
		// The owner sees everything.
		for _, path := range notFound {
			wantAPIStatus(t, "owner GET "+path, env.get(path, owner), http.StatusOK)
		}
		if got := pinIDs(t, env.get("/api/v1/tags/party/pins", owner)); !slices.Equal(got, []string{hidden, shown}) {
			t.Errorf("owner's #party = %v, want both", got)
		}

		// Making a board secret takes its pins out of others' views.
		wantAPIStatus(t, "make secret", env.call(http.MethodPatch, "/api/v1/boards/"+public, owner, url.Values{"secret": {"true"}}), http.StatusOK)
		for _, path := range []string{"/api/v1/timelines/home", "/api/v1/tags/party/pins", "/api/v1/search/pins?q=cake"} {
			if got := pinIDs(t, env.get(path, bobTok)); len(got) != 0 {
				t.Errorf("after the board turned secret, %s lists %v for bob", path, got)
			}
		}
		wantAPIStatus(t, "bob GET pin of a board made secret", env.get("/api/v1/pins/"+shown, bobTok), http.StatusNotFound)
	})
}
