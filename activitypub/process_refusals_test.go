package activitypub_test

import (
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
)

// TestProcessingRefusesOthersObjects delivers correctly signed activities
// over HTTP that claim or touch what is not their actor's: each may be
// stored raw, but must have no effect once processed.
func TestProcessingRefusesOthersObjects(t *testing.T) {
	w := newInboundWorld(t, servertest.Options{}, "remote.example", "other.example")
	stub, other := w.stubs["remote.example"], w.stubs["other.example"]
	bob, mallory, eve := stub.person("bob", "Bob"), stub.person("mallory", "Mallory"), other.person("eve", "Eve")
	shared := w.in.URL + "/inbox"
	// carol follows bob, so that bob's public pins are kept here.
	if _, err := w.svc.FollowRemote(w.ctx, w.carol, bob); err != nil {
		t.Fatal(err)
	}
	bobAcct := w.remoteByIRI(bob)
	w.acceptFollow(w.carol, bobAcct)

	note := func(id, author, content string) map[string]any {
		return map[string]any{"id": id, "type": "Note", "attributedTo": author, "content": content,
			"to":         []string{"https://www.w3.org/ns/activitystreams#Public"},
			"attachment": []map[string]any{{"type": "Image", "mediaType": "image/png", "url": stub.URL + "/media/a.png", "name": "alt"}}}
	}
	activity := func(id, typ, actor string, object any) []byte {
		return mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams", "id": id, "type": typ,
			"actor": actor, "object": object, "to": []string{"https://www.w3.org/ns/activitystreams#Public"}})
	}
	bobNote := stub.URL + "/notes/1"

	t.Run("Create claiming another server's id", func(t *testing.T) {
		forged := other.URL + "/notes/forged"
		w.post(stub, bob, shared, activity(stub.URL+"/creates/forged", "Create", bob, note(forged, bob, "<p>mine</p>")))
		if a := w.processed(stub.URL + "/creates/forged"); a.LastError == "" {
			t.Error("the forged Create was not refused")
		}
		w.noPin(forged)
		if other.getCount() != 0 {
			t.Error("the forged object's server was asked for it")
		}
	})
	t.Run("control: bob's own Create", func(t *testing.T) {
		w.post(stub, bob, shared, activity(stub.URL+"/creates/1", "Create", bob, note(bobNote, bob, "<p>bob's pin</p>")))
		w.processed(stub.URL + "/creates/1")
		if p, err := w.store.PinByIRI(w.ctx, bobNote); err != nil || p.Description != "bob's pin" {
			t.Fatalf("bob's pin = %+v, %v", p, err)
		}
	})
	t.Run("Update of someone else's pin", func(t *testing.T) {
		for i, actor := range []struct {
			stub *remoteStub
			iri  string
		}{{stub, mallory}, {other, eve}} {
			id := actor.stub.URL + "/updates/" + string(rune('a'+i))
			w.post(actor.stub, actor.iri, shared, activity(id, "Update", actor.iri, note(bobNote, bob, "<p>defaced</p>")))
			if a := w.processed(id); a.LastError == "" {
				t.Errorf("Update by %s was not refused", actor.iri)
			}
		}
		if p, _ := w.store.PinByIRI(w.ctx, bobNote); p == nil || p.Description != "bob's pin" {
			t.Errorf("bob's pin was changed: %+v", p)
		}
	})
	t.Run("Delete of someone else's pin", func(t *testing.T) {
		w.post(stub, mallory, shared, activity(stub.URL+"/deletes/m", "Delete", mallory, bobNote))
		w.post(other, eve, shared, activity(other.URL+"/deletes/e", "Delete", eve, bobNote))
		for _, id := range []string{stub.URL + "/deletes/m", other.URL + "/deletes/e"} {
			if a := w.processed(id); a.LastError == "" {
				t.Errorf("%s was not refused", id)
			}
		}
		if _, err := w.store.PinByIRI(w.ctx, bobNote); err != nil {
			t.Errorf("bob's pin was deleted: %v", err)
		}
	})
	t.Run("Undo of someone else's Like", func(t *testing.T) {
		pinIRI := w.fedPinIRI(w.pin.ID)
		bobLike := stub.URL + "/likes/bob"
		w.post(stub, bob, shared, activity(bobLike, "Like", bob, pinIRI))
		w.eventually("bob's like", func() bool { return w.pinNow().LikeCount == 1 })
		w.post(stub, mallory, shared, activity(stub.URL+"/undos/bare", "Undo", mallory, bobLike))
		w.post(stub, mallory, shared, activity(stub.URL+"/undos/embedded", "Undo", mallory,
			map[string]any{"id": bobLike, "type": "Like", "actor": bob, "object": pinIRI}))
		for _, id := range []string{stub.URL + "/undos/bare", stub.URL + "/undos/embedded"} {
			if a := w.processed(id); a.LastError == "" {
				t.Errorf("%s was not refused", id)
			}
		}
		if n := w.pinNow().LikeCount; n != 1 {
			t.Errorf("like count = %d after mallory's Undo, want bob's like kept", n)
		}
		w.post(stub, bob, shared, activity(stub.URL+"/undos/bob", "Undo", bob, bobLike))
		w.eventually("bob's own Undo", func() bool { return w.pinNow().LikeCount == 0 })
	})
}

// remoteByIRI returns a stored remote account.
func (w *inboundWorld) remoteByIRI(iri string) *corkboard.Account {
	w.t.Helper()
	a, err := w.store.AccountByIRI(w.ctx, iri)
	if err != nil {
		w.t.Fatalf("remote account %s: %v", iri, err)
	}
	return a
}

// acceptFollow marks a local person's follow of a remote one accepted,
// as its Accept would.
func (w *inboundWorld) acceptFollow(follower, target *corkboard.Account) {
	w.t.Helper()
	f, err := w.store.FindFollow(w.ctx, follower.ID, target.ID, 0)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := w.svc.RemoteFollowAccepted(w.ctx, f); err != nil {
		w.t.Fatal(err)
	}
}
