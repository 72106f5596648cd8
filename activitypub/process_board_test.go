package activitypub_test

import (
	"testing"

	"github.com/corkboard/corkboard/server/servertest"
)

// TestRemoteBoardAnnounce: a local person follows a remote board (a Group
// owned by a person); the board accepts, then announces its owner's pin
// (FEP-1b12), which lands on that board here and in the follower's feed.
// A boost by a person of someone else's post is ignored.
func TestRemoteBoardAnnounce(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example")
	stub := w.stubs["remote.example"]
	bob, eve := stub.person("bob", "Bob"), stub.person("eve", "Eve")
	group := stub.URL + "/boards/7"
	pemKey := stub.personKeyPEM()
	stub.serve("/boards/7", mustJSON(t, map[string]any{"id": group, "type": "Group", "preferredUsername": "bob.recipes",
		"name": "Recipes", "attributedTo": bob, "inbox": group + "/inbox", "followers": group + "/followers",
		"publicKey": map[string]string{"id": group + "#main-key", "owner": group, "publicKeyPem": pemKey}}))
	if _, err := w.svc.FollowRemote(w.ctx, w.carol, group); err != nil {
		t.Fatal(err)
	}
	board, err := w.store.BoardByIRI(w.ctx, group)
	if err != nil {
		t.Fatal(err)
	}
	fl, err := w.store.FindFollow(w.ctx, w.carol.ID, 0, board.ID)
	if err != nil || !fl.Pending {
		t.Fatalf("follow = %+v, %v", fl, err)
	}
	shared := w.in.URL + "/inbox"
	w.post(stub, group, shared, mustJSON(t, map[string]any{"id": group + "#accepts/1", "type": "Accept", "actor": group,
		"object": map[string]any{"id": fl.IRI, "type": "Follow", "actor": w.svc.AccountIRI(w.carol), "object": group}}))
	w.processed(group + "#accepts/1")
	if ok, pending := w.follow(w.carol.ID, 0, board.ID); !ok || pending {
		t.Fatalf("board follow: exists %v, pending %v", ok, pending)
	}

	note := map[string]any{"id": stub.URL + "/pins/1", "type": "Note", "attributedTo": bob, "audience": group,
		"content": "<p><strong>Soup</strong></p><p>Leek and potato</p>", "sourceLink": "https://recipes.example/soup",
		"to":         []string{"https://www.w3.org/ns/activitystreams#Public"},
		"attachment": []map[string]any{{"type": "Image", "mediaType": "image/png", "url": stub.URL + "/media/soup.png"}}}
	w.post(stub, group, shared, mustJSON(t, map[string]any{"id": group + "/announces/1", "type": "Announce", "actor": group,
		"object": note, "to": []string{"https://www.w3.org/ns/activitystreams#Public"}}))
	if a := w.processed(group + "/announces/1"); a.LastError != "" {
		t.Fatalf("board Announce refused: %s", a.LastError)
	}
	p, err := w.store.PinByIRI(w.ctx, stub.URL+"/pins/1")
	if err != nil || p.BoardID != board.ID || p.Title != "Soup" || p.Description != "Leek and potato" || p.Link != "https://recipes.example/soup" {
		t.Fatalf("announced pin = %+v, %v", p, err)
	}
	feed, err := w.svc.HomeFeed(w.ctx, w.carol, 0, 10)
	if err != nil || len(feed.Pins) == 0 || feed.Pins[0].ID != p.ID {
		t.Errorf("carol's feed lacks the board's pin (%v)", err)
	}

	// eve boosts bob's other post: not ours to keep.
	w.post(stub, eve, shared, mustJSON(t, map[string]any{"id": stub.URL + "/boosts/1", "type": "Announce", "actor": eve,
		"object": stub.URL + "/pins/2", "to": []string{"https://www.w3.org/ns/activitystreams#Public"}}))
	w.processed(stub.URL + "/boosts/1")
	w.noPin(stub.URL + "/pins/2")
}
