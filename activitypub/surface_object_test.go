package activitypub_test

import (
	"net/http"
	"testing"

	"github.com/corkboard/corkboard"
)

// TestPinNote: a pin is a Note in DESIGN's shape: one Image attachment,
// content with title, linked tags and source link, the board as audience.
func TestPinNote(t *testing.T) {
	s := newSite(t, nil)
	p := s.pin(t, s.alice, s.recipes, "Lemon tart")
	doc, body := s.document(t, pinURL(s.Instance, p))
	checkGolden(t, "object-pin.json", normalize(t, body, s.URL))
	att, _ := doc["attachment"].([]any)
	if len(att) != 1 || doc["name"] != nil || doc["audience"] != s.boardIRI {
		t.Fatalf("attachment %v, name %v, audience %v", att, doc["name"], doc["audience"])
	}
	img := att[0].(map[string]any)
	resp, _ := s.get(t, img["url"].(string), "")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != img["mediaType"] {
		t.Fatalf("the attachment %v answers %d %s", img["url"], resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestCommentAndFollowObjects: a comment is a Note replying to its pin;
// our Follow of a remote person is served at its IRI.
func TestCommentAndFollowObjects(t *testing.T) {
	s := newSite(t, nil)
	p := s.pin(t, s.alice, s.recipes, "Lemon tart")
	bob := s.CreateUser(t, "bob")
	c, err := s.Service().Comment(s.ctx, bob, p.ID, "Looks #delicious")
	if err != nil {
		t.Fatal(err)
	}
	_, body := s.document(t, s.URL+"/comments/"+itoa(c.ID))
	checkGolden(t, "object-comment.json", normalize(t, body, s.URL))

	remote := &corkboard.Account{Username: "carol", Domain: "remote.example", IRI: "https://remote.example/users/carol",
		InboxURL: "https://remote.example/users/carol/inbox", Approved: true}
	if err := s.Server.Store().UpsertRemoteAccount(s.ctx, remote); err != nil {
		t.Fatal(err)
	}
	fo, err := s.Service().FollowAccountByID(s.ctx, bob, remote.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := s.document(t, s.URL+"/follows/"+itoa(fo.ID))
	if doc["type"] != "Follow" || doc["actor"] != s.URL+"/users/bob" || doc["object"] != remote.IRI {
		t.Fatalf("follow document %v", doc)
	}
	if status := s.status(t, s.URL+"/follows/999", as2); status != http.StatusNotFound {
		t.Errorf("unknown follow: %d", status)
	}
}
