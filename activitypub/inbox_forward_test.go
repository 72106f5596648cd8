package activitypub_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestForwardedCreate: frank's server forwards bob's Create, as Mastodon
// forwards replies (HTTP-signed by frank, the author's signature only a
// Linked-Data one, which we do not check). The forward is taken (202),
// and its object fetched from bob's server: what the forwarder embedded
// is not believed, an object its origin does not serve is not stored, and
// a message is not taken from a forward at all. A forwarded anything else
// is still refused at the door.
func TestForwardedCreate(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testForwardedCreate(t, kind) })
	}
}

func testForwardedCreate(t *testing.T, kind string) {
	w := newInboundWorld(t, servertest.Options{Kind: kind}, "remote.example", "other.example")
	origin, forwarder := w.stubs["remote.example"], w.stubs["other.example"]
	bob, frank := origin.person("bob", "Bob"), forwarder.person("frank", "Frank")
	public := []string{"https://www.w3.org/ns/activitystreams#Public"}
	note := func(path, content string, to []string) map[string]any {
		return map[string]any{"id": origin.URL + path, "type": "Note", "attributedTo": bob, "content": content,
			"inReplyTo": w.fedPinIRI(w.pin.ID), "to": to}
	}
	origin.serve("/notes/1", mustJSON(t, note("/notes/1", "<p>the real reply</p>", public)))
	origin.serve("/notes/3", mustJSON(t, note("/notes/3", "<p>for dave only</p>", []string{w.svc.AccountIRI(w.dave)})))
	forward := func(inbox, id, typ string, object any) int {
		t.Helper()
		body := mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams", "id": origin.URL + id,
			"type": typ, "actor": bob, "object": object, "to": public,
			"signature": map[string]string{"type": "RsaSignature2017", "creator": bob + "#main-key", "signatureValue": "AAAA"}})
		status, err := send(forwarder.signedPost(inbox, frank+"#main-key", body, time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		return status
	}
	shared := w.in.URL + "/inbox"

	t.Run("the object is fetched, not taken from the forward", func(t *testing.T) {
		if status := forward(shared, "/creates/1", "Create", note("/notes/1", "<p>words put in bob's mouth</p>", public)); status != http.StatusAccepted {
			t.Fatalf("forward: status %d, want 202", status)
		}
		if a := w.processed(origin.URL + "/creates/1"); a.LastError != "" {
			t.Fatalf("forward refused: %s", a.LastError)
		}
		c, err := w.store.CommentByIRI(w.ctx, origin.URL+"/notes/1")
		if err != nil || c.Text != "the real reply" {
			t.Errorf("comment = %+v, %v; want the origin's text", c, err)
		}
	})
	t.Run("an object its origin does not serve is not stored", func(t *testing.T) {
		if status := forward(shared, "/creates/2", "Create", note("/notes/2", "<p>invented</p>", public)); status != http.StatusAccepted {
			t.Fatalf("forward: status %d, want 202", status)
		}
		w.processed(origin.URL + "/creates/2")
		if c, err := w.store.CommentByIRI(w.ctx, origin.URL+"/notes/2"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("comment = %+v, %v; want none", c, err)
		}
	})
	t.Run("a message is not taken from a forward", func(t *testing.T) {
		carolInbox := w.in.URL + "/users/carol/inbox"
		if status := forward(carolInbox, "/creates/3", "Create", note("/notes/3", "<p>for dave only</p>", []string{w.svc.AccountIRI(w.dave)})); status != http.StatusAccepted {
			t.Fatalf("forward: status %d, want 202", status)
		}
		if a := w.processed(origin.URL + "/creates/3"); a.LastError == "" {
			t.Error("the forwarded message was not refused")
		}
		if m, err := w.store.MessageByIRI(w.ctx, origin.URL+"/notes/3"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("message = %+v, %v; want none", m, err)
		}
	})
	t.Run("a forwarded Like is refused", func(t *testing.T) {
		if status := forward(shared, "/likes/1", "Like", w.fedPinIRI(w.pin.ID)); status != http.StatusForbidden {
			t.Errorf("forwarded Like: status %d, want 403", status)
		}
		w.noInboxRow(origin.URL + "/likes/1")
	})
}
