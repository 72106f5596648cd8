package activitypub_test

import (
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestRemoteCommentEdit: alice (GoToSocial) replies to carol's pin, then
// edits her reply with the captured Update(Note) shape (full Note
// embedded). The edit applies, reduced to plain text like on Create, once
// however often it arrives; nobody else can edit it, and a deleted
// comment stays deleted.
func TestRemoteCommentEdit(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testRemoteCommentEdit(t, kind) })
	}
}

func testRemoteCommentEdit(t *testing.T, kind string) {
	w := newInboundWorld(t, servertest.Options{Kind: kind}, "gts.test", "other.example")
	w.serveFixture("gts.test", "gotosocial/actor-person.json", nil)
	gts, other := w.stubs["gts.test"], w.stubs["other.example"]
	alice, mallory, eve := gts.URL+"/users/alice", gts.person("mallory", "Mallory"), other.person("eve", "Eve")
	// The captured edit's Note, which here is alice's reply to carol's pin.
	noteID := gts.URL + "/users/alice/statuses/01M8AXDQHZW577CRJ02AAM3X50"
	public := []string{"https://www.w3.org/ns/activitystreams#Public"}
	reply := func(author, content string) map[string]any {
		return map[string]any{"id": noteID, "type": "Note", "attributedTo": author, "content": content,
			"inReplyTo": w.fedPinIRI(w.pin.ID), "to": public}
	}
	activity := func(id, typ, actor string, object any) string {
		return string(mustJSON(t, map[string]any{"@context": "https://www.w3.org/ns/activitystreams", "id": id,
			"type": typ, "actor": actor, "object": object, "to": public}))
	}
	edit := w.fixture("gotosocial/update-note-edit.json")
	const edited = "my first pin: a photo (edited) #pins"
	comment := func() *corkboard.Comment {
		t.Helper()
		c, err := w.store.CommentByIRI(w.ctx, noteID)
		if err != nil {
			t.Fatalf("alice's comment: %v", err)
		}
		return c
	}
	refused := func(a *corkboard.InboxActivity) {
		t.Helper()
		if a.LastError == "" {
			t.Errorf("%s was not refused", a.IRI)
		}
	}

	if a := w.receive(activity(alice+"/creates/1", "Create", alice, reply(alice, "<p>nice <b>pin</b></p>"))); a.LastError != "" {
		t.Fatalf("alice's reply refused: %s", a.LastError)
	}
	if c := comment(); c.Text != "nice pin" {
		t.Fatalf("comment text = %q", c.Text)
	}

	t.Run("the author's edit applies, as plain text", func(t *testing.T) {
		if a := w.receive(edit); a.LastError != "" {
			t.Fatalf("edit refused: %s", a.LastError)
		}
		if c := comment(); c.Text != edited {
			t.Errorf("comment text = %q, want %q", c.Text, edited)
		}
	})
	t.Run("the same edit again changes nothing", func(t *testing.T) {
		again := strings.Replace(edit, "activity#Update", "activity#Update-again", 1)
		if a := w.receive(again); a.LastError != "" {
			t.Fatalf("repeated edit refused: %s", a.LastError)
		}
		if c := comment(); c.Text != edited {
			t.Errorf("comment text = %q, want %q", c.Text, edited)
		}
		if n := w.pinNow().CommentCount; n != 1 {
			t.Errorf("comment count = %d, want 1", n)
		}
	})
	t.Run("markup is not kept", func(t *testing.T) {
		a := w.receive(activity(alice+"/updates/script", "Update", alice,
			reply(alice, `<p>hi<script>alert(1)</script> <a href="https://x.example/">look</a></p>`)))
		if a.LastError != "" {
			t.Fatalf("edit refused: %s", a.LastError)
		}
		if c := comment(); strings.ContainsAny(c.Text, "<>") || !strings.Contains(c.Text, "look") {
			t.Errorf("comment text = %q, want plain text", c.Text)
		}
	})
	before := comment().Text
	t.Run("someone else on alice's server", func(t *testing.T) {
		refused(w.receive(activity(gts.URL+"/updates/mallory", "Update", mallory, reply(alice, "<p>defaced</p>"))))
		refused(w.receive(activity(gts.URL+"/updates/mallory2", "Update", mallory, reply(mallory, "<p>defaced</p>"))))
	})
	t.Run("someone on another server", func(t *testing.T) {
		refused(w.receive(activity(other.URL+"/updates/eve", "Update", eve, reply(alice, "<p>defaced</p>"))))
	})
	if c := comment(); c.Text != before {
		t.Errorf("comment text = %q after others' edits, want %q", c.Text, before)
	}
	t.Run("a deleted comment stays deleted", func(t *testing.T) {
		if a := w.receive(activity(alice+"/deletes/1", "Delete", alice, noteID)); a.LastError != "" {
			t.Fatalf("delete refused: %s", a.LastError)
		}
		if a := w.receive(activity(alice+"/updates/late", "Update", alice, reply(alice, "<p>back</p>"))); a.LastError != "" {
			t.Errorf("late edit: %s", a.LastError)
		}
		if c, err := w.store.CommentByIRI(w.ctx, noteID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("comment after delete and edit = %+v, %v", c, err)
		}
		if n := w.pinNow().CommentCount; n != 0 {
			t.Errorf("comment count = %d, want 0", n)
		}
	})
}
