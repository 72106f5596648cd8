package activitypub_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestOutboxPaging: 23 public pins (and a secret one) page as 20 then 3,
// newest first, linked both ways; the secret pin appears nowhere.
func TestOutboxPaging(t *testing.T) {
	s := newSite(t, nil)
	var ids []int64
	for i := range 23 {
		ids = append(ids, s.pin(t, s.alice, s.recipes, fmt.Sprintf("Pin %d", i)).ID)
		if i == 10 {
			s.pin(t, s.alice, s.drafts, "Secret")
		}
	}
	slices.Reverse(ids)
	outbox := s.aliceIRI + "/outbox"
	coll, body := s.document(t, outbox)
	checkGolden(t, "collection-outbox.json", normalize(t, body, s.URL))
	if coll["totalItems"] != float64(23) {
		t.Fatalf("totalItems %v", coll["totalItems"])
	}
	first, _ := s.document(t, coll["first"].(string))
	second, _ := s.document(t, first["next"].(string))
	back, _ := s.document(t, second["prev"].(string))
	if got := pinIDs(t, first); !slices.Equal(got, ids[:20]) || first["prev"] != nil {
		t.Fatalf("first page %v (prev %v), want %v", got, first["prev"], ids[:20])
	}
	if got := pinIDs(t, second); !slices.Equal(got, ids[20:]) || second["next"] != nil {
		t.Fatalf("second page %v (next %v), want %v", got, second["next"], ids[20:])
	}
	if got := pinIDs(t, back); !slices.Equal(got, ids[:20]) {
		t.Fatalf("prev of the second page %v, want %v", got, ids[:20])
	}
	// The board's outbox: the board's Announces of the same pins.
	boardPage, _ := s.document(t, s.boardIRI+"/outbox?page=true")
	item := boardPage["orderedItems"].([]any)[0].(map[string]any)
	if item["type"] != "Announce" || item["actor"] != s.boardIRI || item["object"] != fmt.Sprintf("%s/pins/%d", s.URL, ids[0]) {
		t.Fatalf("board outbox item %v", item)
	}
}

// TestFollowCollections: followers and following list actor IRIs; a
// followed board appears as its Group; featured is empty.
func TestFollowCollections(t *testing.T) {
	s := newSite(t, nil)
	bob := s.CreateUser(t, "bob")
	if _, err := s.Service().FollowAccount(s.ctx, bob, "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Service().FollowBoard(s.ctx, bob, s.recipes.ID); err != nil {
		t.Fatal(err)
	}
	bobIRI := s.URL + "/users/bob"
	cases := []struct {
		url  string
		want []any
	}{
		{s.aliceIRI + "/followers?page=true", []any{bobIRI}},
		{s.boardIRI + "/followers?page=true", []any{bobIRI}},
		{bobIRI + "/following?page=true", []any{s.boardIRI, s.aliceIRI}},
		{s.aliceIRI + "/following?page=true", []any{}},
		{s.aliceIRI + "/featured", []any{}},
		{s.boardIRI + "/following", []any{}},
	}
	for _, tc := range cases {
		doc, _ := s.document(t, tc.url)
		if got, _ := doc["orderedItems"].([]any); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.url, got, tc.want)
		}
	}
	_, body := s.document(t, bobIRI+"/following?page=true")
	checkGolden(t, "collection-following-page.json", normalize(t, body, s.URL))
}

// pinIDs lists the ids of the pins an outbox page's Creates carry.
func pinIDs(t *testing.T, page map[string]any) []int64 {
	t.Helper()
	var ids []int64
	for _, it := range page["orderedItems"].([]any) {
		iri := it.(map[string]any)["object"].(map[string]any)["id"].(string)
		id, err := strconv.ParseInt(iri[strings.LastIndex(iri, "/")+1:], 10, 64)
		if err != nil {
			t.Fatalf("note id %s: %v", iri, err)
		}
		ids = append(ids, id)
	}
	return ids
}
