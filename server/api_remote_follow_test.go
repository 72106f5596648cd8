package server_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
)

// remoteAccountJSON is the part of Mastodon's Account a client uses to
// follow someone it found.
type remoteAccountJSON struct {
	ID, Acct, URL, URI, Avatar string
}

// remoteRelationshipJSON is Mastodon's Relationship, as the tests read it.
type remoteRelationshipJSON struct {
	ID                   string
	Following, Requested bool
	FollowedBy           bool `json:"followed_by"`
}

// TestAPIFollowRemote is the remote follow flow as Mastodon clients do
// it: search with resolve=true finds @bob@B (only with a token), follow
// answers requested=true, relationships turn following=true once B
// accepts, bob's pin reaches the home timeline; a board is found by its
// handle through /api/v1/search and followed; unfollow ends it.
func TestAPIFollowRemote(t *testing.T) {
	eachRemoteKind(t, func(t *testing.T, p *remotePair) {
		dave, token := tokenAt(t, p.a, "dave")
		bobHandle := p.b.Handle("bob")
		bobIRI := p.b.URL + "/users/bob"
		search := "/api/v2/search?type=accounts&resolve=true&q=" + url.QueryEscape(bobHandle)

		var anon struct{ Accounts []remoteAccountJSON }
		if st := apiAt(t, p.a, http.MethodGet, search, "", &anon); st != http.StatusOK || len(anon.Accounts) != 0 {
			t.Fatalf("anonymous resolve = %d %+v, want 200 and no accounts (no remote lookup without a token)", st, anon.Accounts)
		}
		if _, err := p.a.Server.Store().AccountByIRI(p.ctx, bobIRI); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Fatalf("an anonymous search made A fetch bob: %v", err)
		}
		var found struct {
			Accounts []remoteAccountJSON
			Statuses []any
			Hashtags []any
		}
		if st := apiAt(t, p.a, http.MethodGet, search, token, &found); st != http.StatusOK || len(found.Accounts) != 1 {
			t.Fatalf("resolve = %d %+v, want bob", st, found.Accounts)
		}
		bob := found.Accounts[0]
		if bob.Acct != "bob@"+p.b.Host || bob.URI != bobIRI || bob.URL == "" || !strings.HasPrefix(bob.Avatar, p.a.URL+"/static/") ||
			found.Statuses == nil || found.Hashtags == nil {
			t.Errorf("found %+v (statuses %v, hashtags %v): want acct bob@%s, uri %s, his profile url, our default avatar, empty lists",
				bob, found.Statuses, found.Hashtags, p.b.Host, bobIRI)
		}

		var rel remoteRelationshipJSON
		if st := apiAt(t, p.a, http.MethodPost, "/api/v1/accounts/"+bob.ID+"/follow", token, &rel); st != http.StatusOK ||
			rel.ID != bob.ID || rel.Following || !rel.Requested {
			t.Fatalf("follow = %d %+v, want requested until B accepts", st, rel)
		}
		servertest.Eventually(t, remoteWait, "relationships to show following=true", func() bool {
			var rels []remoteRelationshipJSON
			apiAt(t, p.a, http.MethodGet, "/api/v1/accounts/relationships?id[]="+bob.ID+"&id[]=999999", token, &rels)
			return len(rels) == 1 && rels[0].Following && !rels[0].Requested
		})
		pin := p.bobPins(t, p.tarts, "Plum tart")
		servertest.Eventually(t, remoteWait, "bob's pin in dave's home timeline", func() bool {
			var home []struct{ URI string }
			apiAt(t, p.a, http.MethodGet, "/api/v1/timelines/home", token, &home)
			return len(home) > 0 && home[0].URI == pin
		})

		var boards struct {
			Boards []struct{ ID, URI, URL string }
		}
		boardSearch := "/api/v1/search?type=boards&resolve=true&q=" + url.QueryEscape("@bob.recipes@"+p.b.Host)
		if st := apiAt(t, p.a, http.MethodGet, boardSearch, token, &boards); st != http.StatusOK || len(boards.Boards) != 1 ||
			boards.Boards[0].URI != p.b.Service().BoardIRI(p.recipes) || !strings.HasPrefix(boards.Boards[0].URL, p.b.URL) {
			t.Fatalf("board search = %d %+v, want bob's recipes board with its own uri and url", st, boards.Boards)
		}
		var follow struct{ Following, Requested bool }
		if st := apiAt(t, p.a, http.MethodPost, "/api/v1/boards/"+boards.Boards[0].ID+"/follow", token, &follow); st != http.StatusOK || !follow.Requested {
			t.Fatalf("board follow = %d %+v, want requested", st, follow)
		}
		servertest.Eventually(t, remoteWait, "B to accept the board follow", func() bool {
			st, err := p.a.Service().FollowStateOf(p.ctx, dave, 0, mustInt(t, boards.Boards[0].ID))
			return err == nil && st.Following
		})

		if st := apiAt(t, p.a, http.MethodPost, "/api/v1/accounts/"+bob.ID+"/unfollow", token, &rel); st != http.StatusOK || rel.Following || rel.Requested {
			t.Fatalf("unfollow = %d %+v", st, rel)
		}
		servertest.Eventually(t, remoteWait, "B to drop dave from bob's followers", func() bool { return p.bobFollowers(t) == 0 })
	})
}

// TestAPIRemoteLookup: lookups of people we do not know, or cannot
// reach, are empty results or 404s, never errors; lookup and
// accounts/search find the ones we know.
func TestAPIRemoteLookup(t *testing.T) {
	p := newRemotePair(t, "sqlite")
	_, token := tokenAt(t, p.a, "dave")
	nobody, bob := "@nobody@"+p.b.Host, p.b.Handle("bob")
	for _, q := range []string{nobody, "@bob@127.0.0.1:1", "https://127.0.0.1:1/users/bob"} {
		var out struct{ Accounts []any }
		if st := apiAt(t, p.a, http.MethodGet, "/api/v2/search?resolve=true&q="+url.QueryEscape(q), token, &out); st != http.StatusOK || len(out.Accounts) != 0 {
			t.Errorf("search %s = %d %v, want 200 and nothing", q, st, out.Accounts)
		}
	}
	lookup := "/api/v1/accounts/lookup?acct=" + url.QueryEscape(bob[1:])
	if st := apiAt(t, p.a, http.MethodGet, lookup, "", nil); st != http.StatusNotFound {
		t.Errorf("lookup of bob before anyone resolved him = %d, want 404 (lookup never fetches)", st)
	}
	var accounts []remoteAccountJSON
	if st := apiAt(t, p.a, http.MethodGet, "/api/v1/accounts/search?resolve=true&q="+url.QueryEscape(bob), token, &accounts); st != http.StatusOK ||
		len(accounts) != 1 || accounts[0].Acct != bob[1:] {
		t.Fatalf("accounts/search = %d %+v", st, accounts)
	}
	var got remoteAccountJSON
	if st := apiAt(t, p.a, http.MethodGet, lookup, "", &got); st != http.StatusOK || got.ID != accounts[0].ID {
		t.Errorf("lookup = %d %+v, want bob", st, got)
	}
	if st := apiAt(t, p.a, http.MethodGet, "/api/v1/accounts/"+got.ID, "", &got); st != http.StatusOK || got.URI != p.b.URL+"/users/bob" {
		t.Errorf("GET /api/v1/accounts/%s = %d %+v", got.ID, st, got)
	}
	if st := apiAt(t, p.a, http.MethodGet, "/api/v1/accounts/relationships?id[]="+got.ID, "", nil); st != http.StatusUnauthorized {
		t.Errorf("relationships without a token = %d, want 401", st)
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%q is not an id", s)
	}
	return n
}
