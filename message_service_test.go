package corkboard_test

import (
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestConversationsContinueAndStayPrivate(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob, carol, eve := w.person("alice"), w.person("bob"), w.person("carol"), w.person("eve")
		for _, p := range []*corkboard.Account{bob, carol} {
			if err := w.svc.SetMessagePolicy(w.ctx, p, corkboard.MessagesFromEveryone); err != nil {
				t.Fatal(err)
			}
		}
		pin := w.pin(alice, w.board(alice, "Ideas", false), "a lamp")
		first, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID}, "look at this", corkboard.MessageAttachment{PinID: pin.ID})
		if err != nil {
			t.Fatal(err)
		}
		again, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID}, "and this", corkboard.MessageAttachment{})
		if err != nil || again.ConversationID != first.ConversationID {
			t.Fatalf("a second message to the same person started another conversation: %v", err)
		}
		if again.InReplyToIRI != w.svc.MessageIRI(first) {
			t.Fatalf("inReplyTo = %q, want the previous message", again.InReplyToIRI)
		}
		group, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID, carol.ID}, "all of us", corkboard.MessageAttachment{})
		if err != nil || group.ConversationID == first.ConversationID {
			t.Fatalf("a group message joined the one-to-one conversation: %v", err)
		}
		reply, err := w.svc.Reply(w.ctx, carol, group.ConversationID, "hi both", corkboard.MessageAttachment{})
		if err != nil || reply.ConversationID != group.ConversationID {
			t.Fatalf("reply: %v", err)
		}
		msgs, err := w.svc.Messages(w.ctx, bob, first.ConversationID, 0, 50)
		if err != nil || len(msgs) != 2 || msgs[0].Pin == nil || msgs[0].Pin.ID != pin.ID || msgs[0].Sender.Username != "alice" {
			t.Fatalf("bob's thread = %+v, %v", msgs, err)
		}
		views, err := w.svc.Conversations(w.ctx, bob, corkboard.MemberActive, 0, 50)
		if err != nil || len(views) != 2 || views[0].Conversation.ID != group.ConversationID ||
			views[0].Me.Unread != 2 || views[1].Me.Unread != 2 || len(views[0].Others) != 2 {
			t.Fatalf("bob's list = %d conversations (%v); want the group first, 2 unread in each", len(views), err)
		}
		if err := w.svc.MarkConversationRead(w.ctx, bob, first.ConversationID); err != nil {
			t.Fatal(err)
		}
		if u, err := w.svc.UnreadMessages(w.ctx, bob); err != nil || u.Conversations != 1 || u.Requests != 0 {
			t.Fatalf("bob's badge after reading one conversation = %+v, %v; want 1 unread conversation", u, err)
		}
		// Privacy: someone not in the conversation cannot tell it exists.
		for name, try := range map[string]func() error{
			"messages": func() error { _, err := w.svc.Messages(w.ctx, eve, first.ConversationID, 0, 10); return err },
			"view":     func() error { _, err := w.svc.Conversation(w.ctx, eve, first.ConversationID); return err },
			"reply": func() error {
				_, err := w.svc.Reply(w.ctx, eve, first.ConversationID, "hi", corkboard.MessageAttachment{})
				return err
			},
			"delete": func() error { return w.svc.DeleteMessage(w.ctx, eve, first.ID) },
			"carol":  func() error { _, err := w.svc.Messages(w.ctx, carol, first.ConversationID, 0, 10); return err },
		} {
			if err := try(); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
				t.Errorf("%s by an outsider: %v, want ENOTFOUND", name, err)
			}
		}
		if err := w.svc.DeleteMessage(w.ctx, bob, first.ID); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Errorf("bob deletes alice's message: %v, want EFORBIDDEN", err)
		}
		if err := w.svc.DeleteMessage(w.ctx, alice, first.ID); err != nil {
			t.Fatal(err)
		}
		msgs, _ = w.svc.Messages(w.ctx, bob, first.ConversationID, 0, 50)
		if msgs[0].Text != "" || msgs[0].Pin != nil || msgs[0].DeletedAt.IsZero() {
			t.Fatalf("deleted message still shows: %+v", msgs[0])
		}
	})
}

func TestMessageRequestsFollowThePolicy(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob, stranger := w.person("alice"), w.person("bob"), w.person("stranger")
		if _, err := w.svc.FollowAccount(w.ctx, alice, "bob"); err != nil {
			t.Fatal(err)
		}
		// Default policy: people alice follows reach her list; others wait.
		fromBob, err := w.svc.SendMessage(w.ctx, bob, []int64{alice.ID}, "hello", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		fromStranger, err := w.svc.SendMessage(w.ctx, stranger, []int64{alice.ID}, "buy now", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		active, _ := w.svc.Conversations(w.ctx, alice, corkboard.MemberActive, 0, 50)
		requests, _ := w.svc.Conversations(w.ctx, alice, corkboard.MemberRequest, 0, 50)
		if len(active) != 1 || active[0].Conversation.ID != fromBob.ConversationID || len(requests) != 1 || requests[0].Conversation.ID != fromStranger.ConversationID {
			t.Fatalf("active %d, requests %d; want bob's in the list and the stranger's in requests", len(active), len(requests))
		}
		if err := w.svc.AcceptRequest(w.ctx, alice, fromStranger.ConversationID); err != nil {
			t.Fatal(err)
		}
		if active, _ = w.svc.Conversations(w.ctx, alice, corkboard.MemberActive, 0, 50); len(active) != 2 {
			t.Fatalf("after accepting: %d active conversations, want 2", len(active))
		}
		// Blocking stops all messages.
		if err := w.svc.BlockAccount(w.ctx, alice, stranger.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SendMessage(w.ctx, stranger, []int64{alice.ID}, "again", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("blocked sender: %v, want EFORBIDDEN", err)
		}
		// Nobody: even people she follows wait in requests for a new conversation.
		if err := w.svc.SetMessagePolicy(w.ctx, alice, corkboard.MessagesFromNobody); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SendMessage(w.ctx, stranger, []int64{alice.ID, bob.ID}, "group", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("a blocked sender reaches alice through a group: %v, want EFORBIDDEN", err)
		}
		carol := w.person("carol")
		if _, err := w.svc.SendMessage(w.ctx, bob, []int64{alice.ID, carol.ID}, "group", corkboard.MessageAttachment{}); err != nil {
			t.Fatal(err)
		}
		if requests, _ = w.svc.Conversations(w.ctx, alice, corkboard.MemberRequest, 0, 50); len(requests) != 1 {
			t.Fatalf("with policy nobody, a new conversation should wait in requests; got %d", len(requests))
		}
	})
}

func TestSecretPinsCannotBeSentByOthers(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		secret := w.pin(alice, w.board(alice, "Private", true), "mine")
		if _, err := w.svc.SendMessage(w.ctx, bob, []int64{alice.ID}, "", corkboard.MessageAttachment{PinID: secret.ID}); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Fatalf("bob attaches alice's secret pin: %v, want ENOTFOUND", err)
		}
		if _, err := w.svc.SendMessage(w.ctx, bob, []int64{bob.ID}, "me", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.EINVALID {
			t.Fatalf("message to nobody but oneself: %v, want EINVALID", err)
		}
	})
}

// The conversation list costs a fixed number of statements however many
// conversations it shows: members, accounts and last messages are loaded
// in batches, never per conversation.
func TestConversationListQueryCountDoesNotGrow(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice := w.person("alice")
		for i := 0; i < 6; i++ {
			friend := w.person("friend" + string(rune('a'+i)))
			if _, err := w.svc.SendMessage(w.ctx, friend, []int64{alice.ID}, "hi", corkboard.MessageAttachment{}); err != nil {
				t.Fatal(err)
			}
		}
		qc := storagetest.CountQueries(t, db)
		counts := map[int]int64{}
		for _, limit := range []int{2, 6} {
			qc.Reset()
			views, err := w.svc.Conversations(w.ctx, alice, corkboard.MemberRequest, 0, limit)
			if err != nil || len(views) != limit || views[0].LastMessage == nil || views[0].LastMessage.Sender == nil || len(views[0].Others) != 1 {
				t.Fatalf("list of %d: %d views, %v", limit, len(views), err)
			}
			counts[limit] = qc.Count()
		}
		if counts[2] != counts[6] || counts[6] > 5 {
			t.Fatalf("%d queries for 2 conversations, %d for 6; want the same, and few", counts[2], counts[6])
		}
	})
}

// TestBlockedMemberOfAGroupHearsNothingFromThem: carol blocks bob, and
// both stay in alice's group. What bob says there is not shown to carol,
// counts nothing unread for her and notifies her of nothing; alice still
// reads everything, and carol's own list shows no preview of bob's words.
func TestBlockedMemberOfAGroupHearsNothingFromThem(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob, carol := w.person("alice"), w.person("bob"), w.person("carol")
		for _, p := range []*corkboard.Account{alice, bob, carol} {
			if err := w.svc.SetMessagePolicy(w.ctx, p, corkboard.MessagesFromEveryone); err != nil {
				t.Fatal(err)
			}
		}
		first, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID, carol.ID}, "hello both", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		conv := first.ConversationID
		if err := w.svc.MarkConversationRead(w.ctx, carol, conv); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.BlockAccount(w.ctx, carol, bob.ID); err != nil {
			t.Fatal(err)
		}
		before, err := w.svc.UnreadNotifications(w.ctx, carol)
		if err != nil {
			t.Fatal(err)
		}
		bobsReply, err := w.svc.Reply(w.ctx, bob, conv, "carol is wrong", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}

		texts := func(viewer *corkboard.Account) []string {
			ms, err := w.svc.Messages(w.ctx, viewer, conv, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, m := range ms {
				out = append(out, m.Text)
			}
			return out
		}
		if got := texts(carol); len(got) != 1 || got[0] != "hello both" {
			t.Errorf("carol's thread = %q; want only alice's message", got)
		}
		if got := texts(alice); len(got) != 2 {
			t.Errorf("alice's thread = %q; want both messages", got)
		}
		if _, _, err := w.svc.MessageForViewer(w.ctx, carol, bobsReply.ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("carol reading bob's message by id: %v; want not found", err)
		}
		if _, _, err := w.svc.MessageForViewer(w.ctx, alice, bobsReply.ID); err != nil {
			t.Errorf("alice reading bob's message by id: %v", err)
		}
		if after, err := w.svc.UnreadNotifications(w.ctx, carol); err != nil || after != before {
			t.Errorf("carol's notifications went from %d to %d (%v); want none for bob's message", before, after, err)
		}
		views, err := w.svc.Conversations(w.ctx, carol, corkboard.MemberActive, 0, 10)
		if err != nil || len(views) != 1 {
			t.Fatalf("carol's list = %d, %v", len(views), err)
		}
		if views[0].Me.Unread != 0 || views[0].LastMessage != nil {
			t.Errorf("carol's list: unread %d, preview %+v; want 0 and no preview of bob's message", views[0].Me.Unread, views[0].LastMessage)
		}
		if aViews, _ := w.svc.Conversations(w.ctx, alice, corkboard.MemberActive, 0, 10); len(aViews) != 1 || aViews[0].LastMessage == nil ||
			aViews[0].LastMessage.Text != "carol is wrong" || aViews[0].Me.Unread != 1 {
			t.Errorf("alice's list = %+v; want bob's message as the preview, 1 unread", aViews)
		}
	})
}

// TestDeletedBeforeStoredStaysDeleted: a message whose Delete was
// processed while its Create was still at work (its tombstone exists) is
// not stored when the Create gets to its transaction.
func TestDeletedBeforeStoredStaysDeleted(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		bob := w.person("bob")
		now := time.Now()
		zoe := &corkboard.Account{Username: "zoe", Domain: "remote.example", IRI: "https://remote.example/users/zoe",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(w.ctx, zoe); err != nil {
			t.Fatal(err)
		}
		const iri = "https://remote.example/notes/1"
		if err := db.AddTombstone(w.ctx, iri, now); err != nil {
			t.Fatal(err)
		}
		m, err := w.svc.ReceiveMessage(w.ctx, corkboard.IncomingMessage{Sender: zoe, Recipients: []*corkboard.Account{bob},
			IRI: iri, Text: "never mind", Published: now})
		if err != nil || m != nil {
			t.Fatalf("receiving a deleted message: %+v, %v; want nothing stored", m, err)
		}
		if _, err := db.MessageByIRI(w.ctx, iri); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("the deleted message is stored: %v", err)
		}
	})
}
