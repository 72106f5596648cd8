package activitypub_test

import (
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestRemoteBoardDeletesItself: carol follows bob's remote board, which
// announces a pin; then the board's Group deletes itself. The board, its
// pin (and so carol's feed entry) and carol's follow of it go, the
// Group's id is tombstoned; bob and his other board stay.
func TestRemoteBoardDeletesItself(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testRemoteBoardDeletesItself(t, kind) })
	}
}

func testRemoteBoardDeletesItself(t *testing.T, kind string) {
	w := newInboundWorld(t, servertest.Options{Kind: kind}, "remote.example")
	stub := w.stubs["remote.example"]
	bob := stub.person("bob", "Bob")
	public := []string{"https://www.w3.org/ns/activitystreams#Public"}
	group := func(n string) string {
		iri := stub.URL + "/boards/" + n
		stub.serve("/boards/"+n, mustJSON(t, map[string]any{"id": iri, "type": "Group", "preferredUsername": "bob.b" + n,
			"name": "Board " + n, "attributedTo": bob, "inbox": iri + "/inbox", "followers": iri + "/followers",
			"publicKey": map[string]string{"id": iri + "#main-key", "owner": iri, "publicKeyPem": stub.personKeyPEM()}}))
		return iri
	}
	doomed, kept := group("7"), group("8")
	shared := w.in.URL + "/inbox"
	boards := map[string]*corkboard.Board{}
	for i, g := range []string{doomed, kept} {
		if _, err := w.svc.FollowRemote(w.ctx, w.carol, g); err != nil {
			t.Fatal(err)
		}
		b, err := w.store.BoardByIRI(w.ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		boards[g] = b
		fl, err := w.store.FindFollow(w.ctx, w.carol.ID, 0, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.post(stub, g, shared, mustJSON(t, map[string]any{"id": g + "#accepts/1", "type": "Accept", "actor": g,
			"object": map[string]any{"id": fl.IRI, "type": "Follow", "actor": w.svc.AccountIRI(w.carol), "object": g}}))
		w.processed(g + "#accepts/1")
		note := map[string]any{"id": stub.URL + "/pins/" + string(rune('1'+i)), "type": "Note", "attributedTo": bob,
			"audience": g, "content": "<p>a pin</p>", "to": public,
			"attachment": []map[string]any{{"type": "Image", "mediaType": "image/png", "url": stub.URL + "/media/p.png"}}}
		w.post(stub, g, shared, mustJSON(t, map[string]any{"id": g + "/announces/1", "type": "Announce", "actor": g,
			"object": note, "to": public}))
		if a := w.processed(g + "/announces/1"); a.LastError != "" {
			t.Fatalf("Announce refused: %s", a.LastError)
		}
	}
	doomedPin, err := w.store.PinByIRI(w.ctx, stub.URL+"/pins/1")
	if err != nil || doomedPin.BoardID != boards[doomed].ID {
		t.Fatalf("the doomed board's pin = %+v, %v", doomedPin, err)
	}

	w.post(stub, doomed, shared, mustJSON(t, map[string]any{"id": doomed + "#delete", "type": "Delete", "actor": doomed,
		"object": doomed, "to": public}))
	if a := w.processed(doomed + "#delete"); a.LastError != "" {
		t.Fatalf("the Group's Delete refused: %s", a.LastError)
	}
	if b, err := w.store.BoardByIRI(w.ctx, doomed); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Errorf("deleted board = %+v, %v; want none", b, err)
	}
	w.noPin(doomedPin.IRI)
	if ok, _ := w.follow(w.carol.ID, 0, boards[doomed].ID); ok {
		t.Error("carol still follows the deleted board")
	}
	if gone, err := w.store.IsTombstoned(w.ctx, doomed); err != nil || !gone {
		t.Errorf("the Group is not tombstoned (%v)", err)
	}
	feed, err := w.svc.HomeFeed(w.ctx, w.carol, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range feed.Pins {
		if p.ID == doomedPin.ID {
			t.Error("carol's feed still shows the deleted board's pin")
		}
	}
	// The owner and their other board are not the Group's to delete.
	if _, err := w.store.AccountByIRI(w.ctx, bob); err != nil {
		t.Errorf("bob: %v", err)
	}
	if _, err := w.store.PinByIRI(w.ctx, stub.URL+"/pins/2"); err != nil {
		t.Errorf("the other board's pin: %v", err)
	}
	if ok, pending := w.follow(w.carol.ID, 0, boards[kept].ID); !ok || pending {
		t.Errorf("carol's follow of the other board: exists %v, pending %v", ok, pending)
	}
}
