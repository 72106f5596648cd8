package server_test

import (
	"testing"

	"github.com/corkboard/corkboard"
)

// checksOnA lists A's surfaces, as a visitor, the sender, a recipient
// and a follower. bobSaved is the pin bob saved from the message.
func (w *privacyWorld) checksOnA(t *testing.T, bobSaved *corkboard.Pin) []privacyCheck {
	t.Helper()
	anon := privacyVisitor(t, w.a)
	people := []*privacyClient{privacySignedIn(t, w.a, w.alice), privacySignedIn(t, w.a, w.bob), privacySignedIn(t, w.a, w.carol)}
	board := "/@alice/" + w.garden.Slug
	public := []privacyCheck{
		{name: "web search", path: "/search?q=zanzibar", live: publicWord},
		{name: "web search for the tag", path: "/search?q=" + privacyTag, live: publicWord},
		{name: "tag page", path: "/tags/" + privacyTag, live: publicWord},
		{name: "alice's profile page", path: "/@alice", live: board},
		{name: "alice's board page", path: board, live: publicWord},
		{name: "alice's RSS", path: "/@alice/feed.rss", live: publicWord},
		{name: "alice's board RSS", path: board + "/feed.rss", live: publicWord},
		{name: "bob's RSS", path: "/@bob/feed.rss", live: w.a.PinIRI(bobSaved)},
		{name: "API search", path: "/api/v1/search?q=zanzibar", live: publicWord},
		{name: "API pin search", path: "/api/v1/search/pins?q=" + privacyTag, live: publicWord},
		{name: "API v2 search", path: "/api/v2/search?q=alice", live: `"username":"alice"`},
		{name: "API tag", path: "/api/v1/tags/" + privacyTag + "/pins", live: publicWord},
		{name: "API alice's pins", path: "/api/v1/accounts/" + id(w.alice.ID) + "/pins", live: publicWord},
		{name: "API alice's board", path: "/api/v1/boards/" + id(w.garden.ID) + "/pins", live: publicWord},
	}
	signedIn := []privacyCheck{
		{name: "home page", path: "/", live: publicWord},
		{name: "API home timeline", path: "/api/v1/timelines/home", live: publicWord},
		{name: "API account search", path: "/api/v1/accounts/search?q=alice", live: `"username":"alice"`},
	}
	checks := []privacyCheck{
		{name: "alice's outbox", client: anon, path: w.a.URL + "/users/alice/outbox", live: publicWord, walk: true},
		{name: "bob's outbox", client: anon, path: w.a.URL + "/users/bob/outbox", live: w.a.PinIRI(bobSaved), walk: true},
		{name: "alice's board's outbox", client: anon, path: w.a.Service().BoardIRI(w.garden) + "/outbox", live: w.a.PinIRI(w.pin), walk: true},
	}
	return append(checks, privacyMatrix(anon, people, public, signedIn)...)
}

// checksOnB lists B's surfaces, as a visitor, the recipient dave and
// erin, who follows alice but was not addressed. daveSaved is the pin
// dave saved from the message.
func (w *privacyWorld) checksOnB(t *testing.T, daveSaved *corkboard.Pin) []privacyCheck {
	t.Helper()
	anon := privacyVisitor(t, w.b)
	people := []*privacyClient{privacySignedIn(t, w.b, w.dave), privacySignedIn(t, w.b, w.erin)}
	public := []privacyCheck{
		{name: "web search", path: "/search?q=zanzibar", live: publicWord},
		{name: "web search for the tag", path: "/search?q=" + privacyTag, live: publicWord},
		{name: "tag page", path: "/tags/" + privacyTag, live: publicWord},
		{name: "alice's page on B", path: "/@alice@" + w.a.Host, live: publicWord},
		{name: "dave's profile page", path: "/@dave", live: "/@dave/saved"},
		{name: "dave's RSS", path: "/@dave/feed.rss", live: w.b.PinIRI(daveSaved)},
		{name: "API search", path: "/api/v1/search?q=zanzibar", live: publicWord},
		{name: "API pin search", path: "/api/v1/search/pins?q=" + privacyTag, live: publicWord},
		{name: "API tag", path: "/api/v1/tags/" + privacyTag + "/pins", live: publicWord},
	}
	signedIn := []privacyCheck{
		{name: "home page", path: "/", live: publicWord},
		{name: "API home timeline", path: "/api/v1/timelines/home", live: publicWord},
	}
	checks := []privacyCheck{
		{name: "dave's outbox", client: anon, path: w.b.URL + "/users/dave/outbox", live: w.b.PinIRI(daveSaved), walk: true},
	}
	return append(checks, privacyMatrix(anon, people, public, signedIn)...)
}

// privacyMatrix runs the public surfaces for everyone and the personal
// ones for each signed-in person.
func privacyMatrix(anon *privacyClient, people []*privacyClient, public, signedIn []privacyCheck) []privacyCheck {
	var out []privacyCheck
	for _, c := range append([]*privacyClient{anon}, people...) {
		for _, pc := range public {
			pc.client = c
			out = append(out, pc)
		}
	}
	for _, c := range people {
		for _, pc := range signedIn {
			pc.client = c
			out = append(out, pc)
		}
	}
	return out
}
