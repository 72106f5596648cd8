package activitypub_test

import (
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
)

// Checks of the captured direct messages (TestFixtureActivities): each
// becomes a conversation message for the local people it addresses, and
// for nobody else.

// messageFor checks that the activity's object is a message in a
// conversation of each of who (any state: a first message from someone
// they do not follow is a request), with a locally stored image when
// withImage, and in no conversation of the people in not.
func messageFor(who []**corkboard.Account, not []**corkboard.Account, withImage bool) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
	return func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
		t.Helper()
		if a.LastError != "" {
			t.Fatalf("message refused: %s", a.LastError)
		}
		m := w.message(a)
		for _, p := range who {
			if !w.sees(*p, m) {
				t.Errorf("%s does not see message %s", (*p).Username, m.IRI)
			}
		}
		for _, p := range not {
			if w.sees(*p, m) {
				t.Errorf("%s, who was not addressed, sees message %s", (*p).Username, m.IRI)
			}
		}
		if m.Text == "" && len(m.Attachment.Images) == 0 {
			t.Errorf("message %s is empty", m.IRI)
		}
		if imgs := m.Attachment.Images; withImage && (len(imgs) != 1 || imgs[0].Key == "" || len(imgs[0].Variants) == 0) {
			t.Errorf("message images = %+v; want one stored locally, with thumbnails", imgs)
		}
	}
}

// message returns the stored message of a Create's object.
func (w *inboundWorld) message(a *corkboard.InboxActivity) *corkboard.Message {
	w.t.Helper()
	doc, err := vocab.DecodeActivity(a.Raw)
	if err != nil {
		w.t.Fatal(err)
	}
	m, err := w.store.MessageByIRI(w.ctx, doc.Object().ID)
	if err != nil {
		w.t.Fatalf("no message %s: %v", doc.Object().ID, err)
	}
	return m
}

// sees reports whether viewer has the message in a listed conversation
// (active or request) and can read it there.
func (w *inboundWorld) sees(viewer *corkboard.Account, m *corkboard.Message) bool {
	w.t.Helper()
	listed := false
	for _, st := range []corkboard.MemberState{corkboard.MemberActive, corkboard.MemberRequest} {
		vs, err := w.svc.Conversations(w.ctx, viewer, st, 0, 50)
		if err != nil {
			w.t.Fatal(err)
		}
		for _, v := range vs {
			listed = listed || v.Conversation.ID == m.ConversationID
		}
	}
	ms, err := w.svc.Messages(w.ctx, viewer, m.ConversationID, 0, 50)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return false
	} else if err != nil {
		w.t.Fatal(err)
	}
	for _, got := range ms {
		if got.ID == m.ID {
			return listed
		}
	}
	return false
}

// sameConversation checks that the activity's message joined the thread
// of the message with IRI first.
func sameConversation(first string) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
	return func(t *testing.T, w *inboundWorld, a *corkboard.InboxActivity) {
		m := w.message(a)
		prev, err := w.store.MessageByIRI(w.ctx, w.rewrite(first))
		if err != nil || prev.ConversationID != m.ConversationID {
			t.Errorf("message %s is in conversation %d, want that of %s (%+v, %v)", m.IRI, m.ConversationID, first, prev, err)
		}
	}
}

// addressedTo rewrites a capture's recipient (someone on another server)
// to carol, so that it is a message for one of our people.
func addressedTo(host, path string) func(*inboundWorld, string) string {
	return func(w *inboundWorld, s string) string {
		return strings.ReplaceAll(s, w.stubs[host].URL+path, w.in.URL+"/users/carol")
	}
}

// both runs two checks.
func both(a, b func(*testing.T, *inboundWorld, *corkboard.InboxActivity)) func(*testing.T, *inboundWorld, *corkboard.InboxActivity) {
	return func(t *testing.T, w *inboundWorld, x *corkboard.InboxActivity) {
		a(t, w, x)
		b(t, w, x)
	}
}
