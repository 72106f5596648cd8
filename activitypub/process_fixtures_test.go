package activitypub_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// fixtureStep is one captured activity delivered to the instance, with
// the effect it must have. Steps run in order: later ones build on the
// state earlier ones made (a Like before its Undo).
type fixtureStep struct {
	fixture string
	edit    func(w *inboundWorld, raw string) string // derive a variant; nil: as captured
	check   func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity)
}

// TestFixtureActivities drives every captured activity through inbox
// processing (the signature check is the security tests' business) and
// asserts its effect on a real instance, on each database.
func TestFixtureActivities(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testFixtureActivities(t, kind) })
	}
}

func testFixtureActivities(t *testing.T, kind string) {
	w := newInboundWorld(t, servertest.Options{Kind: kind}, fixtureHosts...)
	w.serveFixture("gts.test", "gotosocial/actor-person.json", func(s string) string {
		return strings.Replace(s, `"name": "Alice Pins"`, `"name": "Alice (before her update)"`, 1)
	})
	w.serveFixture("gts.test", "gotosocial/actor-instance-application.json", nil)
	w.serveFixture("fedify-peer1.test", "fedify/actor-person.json", nil)
	w.serveFixture("fedify-peer2.test", "fedify/actor-person-cavage-peer.json", nil)
	gts, fedify1, fedify2 := w.stubs["gts.test"], w.stubs["fedify-peer1.test"], w.stubs["fedify-peer2.test"]
	gtsAlice, fedAlice, fedBob := gts.URL+"/users/alice", fedify1.URL+"/users/alice", fedify2.URL+"/users/bob"

	// Our people follow theirs first (pending until the captured Accepts).
	for _, f := range []struct {
		who    *corkboard.Account
		target string
	}{{w.carol, gtsAlice}, {w.dave, gtsAlice}, {w.carol, fedAlice}, {w.carol, fedBob}} {
		if _, err := w.svc.FollowRemote(w.ctx, f.who, f.target); err != nil {
			t.Fatalf("%s follows %s: %v", f.who.Username, f.target, err)
		}
	}
	alice := w.remote("gts.test", "/users/alice")
	var gtsPin *corkboard.Pin
	publicImage := gts.URL + "/users/alice/statuses/01M8AXDQHZW577CRJ02AAM3X50"

	accepted := func(who **corkboard.Account, host, path string) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
		return func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if ok, pending := w.follow((*who).ID, w.remote(host, path).ID, 0); !ok || pending {
				t.Errorf("follow of %s%s: exists %v, pending %v; want accepted", host, path, ok, pending)
			}
		}
	}
	followed := func(host, path string) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
		return func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if ok, pending := w.follow(w.remote(host, path).ID, w.carol.ID, 0); !ok || pending {
				t.Errorf("follow by %s%s: exists %v, pending %v; want accepted", host, path, ok, pending)
			}
			w.eventually("an Accept delivered to "+host, func() bool { return postedTo(w.stubs[host], "Accept") })
		}
	}
	likes := func(n int) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
		return func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if got := w.pinNow().LikeCount; got != n {
				t.Errorf("like count = %d, want %d", got, n)
			}
		}
	}
	saves := func(n int) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
		return func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if got := w.pinNow().SaveCount; got != n {
				t.Errorf("save count = %d, want %d", got, n)
			}
		}
	}
	nothingStored := func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
		doc, err := vocab.DecodeActivity(a.Raw)
		if err != nil {
			t.Fatal(err)
		}
		w.noPin(doc.Object().ID)
		if _, err := w.store.CommentByIRI(w.ctx, doc.Object().ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("a comment was stored for %s", doc.Object().ID)
		}
		if p := w.pinNow(); p.CommentCount != 0 {
			t.Errorf("carol's pin has %d comments", p.CommentCount)
		}
	}
	unfollowed := func(host, path string) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
		return func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if ok, _ := w.follow(w.remote(host, path).ID, w.carol.ID, 0); ok {
				t.Errorf("%s%s still follows carol", host, path)
			}
		}
	}

	carol, carolDave, notDave := []**corkboard.Account{&w.carol}, []**corkboard.Account{&w.carol, &w.dave}, []**corkboard.Account{&w.dave}
	gtsDM := "http://gts.test/users/alice/statuses/01M8AXDXR9KNSKK7HDAFHASWB7"
	steps := []fixtureStep{
		{fixture: "gotosocial/accept-follow.json", check: accepted(&w.carol, "gts.test", "/users/alice")},
		{fixture: "gotosocial/accept-follow-2.json", check: accepted(&w.dave, "gts.test", "/users/alice")},
		{fixture: "fedify/accept-follow.json", check: accepted(&w.carol, "fedify-peer1.test", "/users/alice")},
		{fixture: "fedify/accept-follow-cavage.json", check: accepted(&w.carol, "fedify-peer2.test", "/users/bob")},
		{fixture: "gotosocial/accept-replyrequest-authorization.json", check: func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
			if a.LastError != "" {
				t.Errorf("an Accept of a ReplyRequest is ignored, not refused: %s", a.LastError)
			}
		}},
		{fixture: "gotosocial/follow.json", check: followed("gts.test", "/users/alice")},
		{fixture: "fedify/follow.json", check: followed("fedify-peer1.test", "/users/alice")},
		{fixture: "fedify/follow-cavage.json", check: followed("fedify-peer2.test", "/users/bob")},
		{fixture: "gotosocial/like.json", check: likes(1)},
		{fixture: "fedify/like.json", check: likes(2)},
		{fixture: "fedify/like-cavage.json", check: likes(3)},
		{fixture: "gotosocial/undo-like.json", check: likes(2)},
		{fixture: "fedify/undo-like.json", check: likes(1)},
		{fixture: "fedify/undo-like-cavage.json", check: likes(0)},
		{fixture: "gotosocial/announce.json", check: saves(1)},
		{fixture: "fedify/announce-raw-via-send.json", check: saves(2)},
		{fixture: "gotosocial/undo-announce.json", check: saves(1)},
		{fixture: "gotosocial/create-note-public-image.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			p, err := w.store.PinByIRI(w.ctx, publicImage)
			if err != nil {
				t.Fatalf("no remote pin: %v", err)
			}
			gtsPin = p
			if p.AccountID != alice.ID || p.Image.Key == "" || len(p.Image.Variants) == 0 || !strings.HasPrefix(p.RemoteImageURL, gts.URL) {
				t.Errorf("remote pin = %+v; want alice's, with a locally stored image and thumbnails", p)
			}
			if p.AltText != "A red pushpin on a cork board (alt text)" || !strings.Contains(p.Description, "my first pin") ||
				strings.Join(p.Tags, ",") != "pins,corkboard" {
				t.Errorf("remote pin text = %q / %q / %v", p.Description, p.AltText, p.Tags)
			}
			feed, err := w.svc.HomeFeed(w.ctx, w.carol, 0, 20)
			if err != nil || len(feed.Pins) == 0 || feed.Pins[0].ID != p.ID {
				t.Errorf("carol's feed does not start with the remote pin (%v)", err)
			}
		}},
		{fixture: "fedify/create-note-public-image.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			p, err := w.store.PinByIRI(w.ctx, fedAlice+"/notes/3e61c5da-e3ac-435b-97e6-7a94ecbc094a")
			if err != nil || len(p.Image.Variants) == 0 || p.AltText != "a 1x1 test pixel" {
				t.Errorf("fedify pin = %+v, %v", p, err)
			}
		}},
		{fixture: "gotosocial/update-note-edit.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			p, err := w.store.PinByIRI(w.ctx, publicImage)
			if err != nil || !strings.Contains(p.Description, "(edited)") || strings.Join(p.Tags, ",") != "pins" || p.Image.Key != gtsPin.Image.Key {
				t.Errorf("edited pin = %+v, %v", p, err)
			}
		}},
		{fixture: "gotosocial/update-person.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if a := w.remote("gts.test", "/users/alice"); a.DisplayName != "Alice Pins" {
				t.Errorf("display name = %q, want the updated one", a.DisplayName)
			}
		}},
		{fixture: "gotosocial/create-note-unlisted.json", check: nothingStored},
		{fixture: "gotosocial/create-note-followers-only.json", check: nothingStored},
		{fixture: "gotosocial/create-note-public-cw-mention-hashtag.json", check: nothingStored},
		{fixture: "gotosocial/create-question-poll.json", check: nothingStored},
		// Direct messages become conversation messages for the local
		// people they address, through the shared inbox too, and for
		// nobody else. Captures addressed to people on other servers are
		// pointed at carol.
		{fixture: "gotosocial/create-note-direct-image-mention.json", check: messageFor(carol, notDave, true)},
		{fixture: "gotosocial/create-note-direct-reply.json", check: both(messageFor(carol, notDave, false),
			sameConversation(gtsDM))},
		{fixture: "gotosocial/create-note-direct-two-recipients.json", check: messageFor(carol, notDave, false)},
		{fixture: "gotosocial/create-note-direct-two-recipients-same-host.json", check: messageFor(carolDave, nil, false)},
		{fixture: "fedify/create-note-direct-image-mention.json", check: messageFor(carol, notDave, true)},
		{fixture: "fedify/create-note-direct-image-mention-cavage.json", check: messageFor(carol, notDave, true)},
		{fixture: "fedify/create-note-direct-reply.json", check: messageFor(carol, notDave, false)},
		{fixture: "fedify/create-note-direct-two-recipients.json", check: messageFor(carolDave, nil, false)},
		{fixture: "fedify/create-note-direct-two-recipients-2nd-delivery.json", check: messageFor(carolDave, nil, false)},
		{fixture: "mastodon/create-note-direct-mention.json", edit: addressedTo("ds9.lemmy.ml", "/u/banme"),
			check: messageFor(carol, notDave, false)},
		{fixture: "lemmy/create-chatmessage-private.json", edit: addressedTo("ds9.lemmy.ml", "/u/lemmy_alpha"),
			check: messageFor(carol, notDave, false)},
		{fixture: "pleroma/create-chatmessage.json", edit: addressedTo("2hu.gensokyo", "/users/marisa"),
			check: messageFor(carol, notDave, false)},
		// A boost of a message is refused: messages are never shared.
		{fixture: "gotosocial/announce.json", edit: func(w *inboundWorld, s string) string {
			s = strings.Replace(s, w.fedPinIRI(w.pin.ID), w.rewrite(gtsDM), 1)
			return strings.Replace(s, "01M8AXDN1EFVZFN0EBHFZ4Y5P0", "01M8AXDN1EFVZFN0EBHFZ4Y5P9", 1)
		}, check: func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
			if a.LastError == "" || w.pinNow().SaveCount != 1 {
				t.Errorf("Announce of a message: error %q, carol's pin saves %d; want refused", a.LastError, w.pinNow().SaveCount)
			}
		}},
		// Its sender deletes it: blanked in the thread.
		{fixture: "gotosocial/delete-note.json", edit: func(w *inboundWorld, s string) string {
			s = strings.Replace(s, "01M8AXDSZY7Z43YX8Z138G2APJ", "01M8AXDXR9KNSKK7HDAFHASWB7", 1)
			return strings.Replace(s, "01M8AXE7R5C2FNERF2GPAC6HQQ", "01M8AXE7R5C2FNERF2GPAC6HQM", 1)
		}, check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			m, err := w.store.MessageByIRI(w.ctx, w.rewrite(gtsDM))
			if err != nil || m.DeletedAt.IsZero() || m.Text != "" || len(m.Attachment.Images) != 0 {
				t.Errorf("deleted message = %+v, %v", m, err)
			}
		}},
		// carol blocks a sender: their next message never arrives.
		{fixture: "fedify/create-note-direct-image-mention-cavage.json", edit: func(w *inboundWorld, s string) string {
			if err := w.svc.BlockAccount(w.ctx, w.carol, w.remote("fedify-peer2.test", "/users/bob").ID); err != nil {
				w.t.Fatal(err)
			}
			return strings.ReplaceAll(s, "e97da154-946d-4c60-ae5f-1d1e133bc1bb", "e97da154-946d-4c60-ae5f-1d1e133bc1bc")
		}, check: func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
			doc, _ := vocab.DecodeActivity(a.Raw)
			if m, err := w.store.MessageByIRI(w.ctx, doc.Object().ID); err == nil {
				t.Errorf("a message from a blocked sender arrived: %+v", m)
			}
		}},
		{fixture: "pixelfed/create-note-reply-mention.json", check: nothingStored},
		{fixture: "lemmy/announce-create-page.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if _, err := w.store.AccountByIRI(w.ctx, w.stubs["enterprise.lemmy.ml"].URL+"/c/main"); err == nil {
				t.Error("a Lemmy community became an account")
			}
		}},
		// A public reply to carol's pin is a comment (Pixelfed's reply,
		// pointed at our pin).
		{fixture: "pixelfed/create-note-reply-mention.json", edit: func(w *inboundWorld, s string) string {
			s = strings.Replace(s, w.stubs["gram.social"].URL+"/p/Alice/650350850687790456", w.fedPinIRI(w.pin.ID), 1)
			return strings.Replace(s, `582993/activity"`, `582993/activity-reply-to-carol"`, 1)
		}, check: func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
			doc, _ := vocab.DecodeActivity(a.Raw)
			c, err := w.store.CommentByIRI(w.ctx, doc.Object().ID)
			if err != nil || c.PinID != w.pin.ID || c.Text == "" || w.pinNow().CommentCount != 1 {
				t.Errorf("comment = %+v, %v; count %d", c, err, w.pinNow().CommentCount)
			}
		}},
		{fixture: "gotosocial/delete-note.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if gone, _ := w.store.IsTombstoned(w.ctx, gts.URL+"/users/alice/statuses/01M8AXDSZY7Z43YX8Z138G2APJ"); !gone {
				t.Error("no tombstone for a deleted note we never kept")
			}
		}},
		// The same Delete, of the pin we keep: gone, tombstoned, and its
		// Create, delivered again, does not bring it back.
		{fixture: "gotosocial/delete-note.json", edit: func(w *inboundWorld, s string) string {
			s = strings.Replace(s, "01M8AXDSZY7Z43YX8Z138G2APJ", "01M8AXDQHZW577CRJ02AAM3X50", 1)
			return strings.Replace(s, "01M8AXE7R5C2FNERF2GPAC6HQQ", "01M8AXE7R5C2FNERF2GPAC6HQR", 1)
		}, check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			w.noPin(publicImage)
			if gone, _ := w.store.IsTombstoned(w.ctx, publicImage); !gone {
				t.Error("no tombstone")
			}
			w.receive(strings.Replace(w.fixture("gotosocial/create-note-public-image.json"), "#Create", "#Create-again", 1))
			w.noPin(publicImage)
		}},
		{fixture: "gotosocial/block.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			if ok, _ := w.follow(w.carol.ID, alice.ID, 0); ok {
				t.Error("carol still follows alice, who blocked her")
			}
			if ok, _ := w.follow(alice.ID, w.carol.ID, 0); ok {
				t.Error("alice still follows carol, whom she blocked")
			}
			if ok, _ := w.follow(w.dave.ID, alice.ID, 0); !ok {
				t.Error("dave's follow of alice went too")
			}
		}},
		{fixture: "gotosocial/undo-block.json", check: func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
			if a.LastError != "" {
				t.Errorf("Undo(Block) refused: %s", a.LastError)
			}
		}},
		{fixture: "gotosocial/flag.json", check: func(t *testing.T, w *inboundWorld, _ *corkboard.InboxActivity) {
			rs, err := w.store.ListReports(w.ctx, 10)
			if err != nil || len(rs) != 1 || rs[0].TargetAccountID != w.carol.ID || rs[0].Comment != "spam pins" || len(rs[0].ObjectIRIs) != 2 {
				t.Errorf("reports = %+v, %v", rs, err)
			}
		}},
		{fixture: "fedify/undo-follow.json", check: unfollowed("fedify-peer1.test", "/users/alice")},
		{fixture: "fedify/undo-follow-cavage.json", check: unfollowed("fedify-peer2.test", "/users/bob")},
		{fixture: "gotosocial/undo-follow.json", check: unfollowed("gts.test", "/users/alice")},
	}
	covered := map[string]bool{}
	for _, st := range steps {
		covered[st.fixture] = true
		t.Run(st.fixture, func(t *testing.T) {
			raw := w.fixture(st.fixture)
			if st.edit != nil {
				raw = st.edit(w, raw)
			}
			st.check(t, w, w.receive(raw))
		})
	}
	for _, path := range activityFixtures(t) {
		if !covered[path] {
			t.Errorf("fixture %s is not delivered by this test", path)
		}
	}
}

// activityFixtures lists the captured activities (not actors, objects,
// collections or discovery documents).
func activityFixtures(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("vocab", "testdata", "fixtures", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		base := filepath.Base(p)
		skip := false
		for _, prefix := range []string{"actor-", "collection-", "object-", "note-", "nodeinfo", "webfinger"} {
			skip = skip || strings.HasPrefix(base, prefix)
		}
		if !skip {
			rel, _ := filepath.Rel(filepath.Join("vocab", "testdata", "fixtures"), p)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}
