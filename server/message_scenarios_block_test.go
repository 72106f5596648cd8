package server_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestBlockedSenderAcrossServers: bob@B blocks alice@A after a first
// exchange; the Block reaches A, which records it and refuses alice's
// messages to bob from then on. bob unblocks (an Undo) and alice reaches
// him again. He blocks her again, and this time A is made to behave like
// a server that ignores Blocks: whatever alice sends bob (a new
// conversation, a reply in the old one) is never stored on B and tells
// bob nothing: no message, notification or request. carol@B, whom alice
// has not been blocked by, still gets what alice sends her.
func TestBlockedSenderAcrossServers(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			testBlockedSender(t, kind)
		})
	}
}

func testBlockedSender(t *testing.T, kind string) {
	ctx := context.Background()
	net := messageNetwork(t, kind, "A", "B")
	a, b := net[0], net[1]
	alice, bob, carol := a.CreateUser(t, "alice"), b.CreateUser(t, "bob"), b.CreateUser(t, "carol")
	bobOnA, carolOnA := resolveOn(t, a, b.Handle("bob")), resolveOn(t, a, b.Handle("carol"))

	// A first exchange: the old conversation, active on both sides.
	old, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "hi bob", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("alice sends: %v", err)
	}
	oldOnB := messageArrives(t, b, a.Service().MessageIRI(old))
	answer, err := b.Service().Reply(ctx, bob, oldOnB.ConversationID, "hi alice", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("bob answers: %v", err)
	}
	messageArrives(t, a, b.Service().MessageIRI(answer))

	if err := b.Service().BlockAccount(ctx, bob, oldOnB.SenderID); err != nil {
		t.Fatalf("bob blocks alice: %v", err)
	}
	processedOn(t, a, "Block", personIRI(b, "bob"))

	// A knows: alice can neither answer bob nor start anew with him.
	if _, err := a.Service().Reply(ctx, alice, old.ConversationID, "why?", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
		t.Errorf("alice answers bob, who blocks her: %v; want it refused on A", err)
	}
	if _, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "why?", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
		t.Errorf("alice writes to bob, who blocks her: %v; want it refused on A", err)
	}

	// bob lifts the block: A hears of it, and alice reaches him again.
	if err := b.Service().UnblockAccount(ctx, bob, oldOnB.SenderID); err != nil {
		t.Fatalf("bob unblocks alice: %v", err)
	}
	processedOn(t, a, "Undo", personIRI(b, "bob"))
	again, err := a.Service().Reply(ctx, alice, old.ConversationID, "friends again?", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("alice answers bob after his unblock: %v", err)
	}
	if got := messageArrives(t, b, a.Service().MessageIRI(again)); got.ConversationID != oldOnB.ConversationID {
		t.Errorf("after the unblock alice's answer started conversation %d on B, want %d", got.ConversationID, oldOnB.ConversationID)
	}

	// bob blocks her again (a new Block: the undone one's id stays
	// undone on A). A server that ignored Blocks would still send her
	// messages: A is made to forget this one, and B must drop them.
	b.Clock.Advance(2 * time.Second)
	if err := b.Service().BlockAccount(ctx, bob, oldOnB.SenderID); err != nil {
		t.Fatalf("bob blocks alice again: %v", err)
	}
	servertest.Eventually(t, messageWait, "A to record bob's second block", func() bool {
		blocked, err := a.Server.Store().IsBlocked(ctx, bobOnA.ID, alice.ID)
		return err == nil && blocked
	})
	if err := a.Server.Store().RemoveBlock(ctx, bobOnA.ID, alice.ID); err != nil {
		t.Fatal(err)
	}
	before := bobsInbox(t, b, bob)

	dropped := writeDespiteBlock(t, a, alice, bobOnA, old.ConversationID)
	a.DeliveriesEnded(t, messageWait)
	inboxProcessed(t, b)
	for _, iri := range dropped {
		if storesMessage(t, b, iri) {
			t.Errorf("B stored %s, from alice whom bob blocks", iri)
		}
		// It was put to the test: B received it, or refused it at its
		// inbox (A's delivery then ended unsuccessfully).
		if len(createsOf(t, b, iri)) == 0 && !deliveryRefused(t, a, iri) {
			t.Errorf("%s neither reached B nor was refused by it", iri)
		}
	}
	if after := bobsInbox(t, b, bob); !slices.Equal(after, before) {
		t.Errorf("bob's notifications, requests and conversations changed after the block:\nbefore %v\nafter  %v", before, after)
	}

	// carol does not block alice: her message arrives.
	toCarol, err := a.Service().SendMessage(ctx, alice, []int64{carolOnA.ID}, "hi carol", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("alice writes to carol: %v", err)
	}
	got := messageArrives(t, b, a.Service().MessageIRI(toCarol))
	if vs := conversationsOf(t, b, carol); len(vs) != 1 || vs[0].Conversation.ID != got.ConversationID {
		t.Errorf("carol's conversations = %d, want alice's one", len(vs))
	}
}

// writeDespiteBlock has alice write to bob twice after his block: a reply
// in their old conversation, then (having left it, as a conversation of
// the same people continues otherwise) a message that starts a new one.
// A has been made to forget the block, so it sends both and leaves them
// to B. It returns the messages A sent.
func writeDespiteBlock(t *testing.T, a *servertest.Instance, alice, bob *corkboard.Account, old int64) []string {
	t.Helper()
	ctx := context.Background()
	var refused, sent []string
	if m, err := a.Service().Reply(ctx, alice, old, "hello?", corkboard.MessageAttachment{}); err != nil {
		refused = append(refused, "reply: "+err.Error())
	} else {
		sent = append(sent, a.Service().MessageIRI(m))
	}
	if err := a.Service().LeaveConversation(ctx, alice, old); err != nil {
		t.Fatalf("alice leaves the old conversation: %v", err)
	}
	if m, err := a.Service().SendMessage(ctx, alice, []int64{bob.ID}, "are you there?", corkboard.MessageAttachment{}); err != nil {
		refused = append(refused, "new conversation: "+err.Error())
	} else if m.ConversationID == old {
		t.Fatalf("alice's new message continues the old conversation")
	} else {
		sent = append(sent, a.Service().MessageIRI(m))
	}
	if len(refused) > 0 {
		t.Fatalf("A, made to forget the block, refused: %v", refused)
	}
	return sent
}

// bobsInbox summarises everything that could tell a person about a new
// message: notifications, requests, and each conversation's last message
// and unread count.
func bobsInbox(t *testing.T, in *servertest.Instance, who *corkboard.Account) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	ns, err := in.Service().Notifications(ctx, who, 0, 50)
	if err != nil {
		t.Fatalf("%s: %s's notifications: %v", in.Name, who.Username, err)
	}
	for _, n := range ns {
		out = append(out, "notification "+n.Type+" of message "+strconv.FormatInt(n.MessageID, 10))
	}
	for _, v := range conversationsOf(t, in, who) {
		out = append(out, "conversation "+strconv.FormatInt(v.Conversation.ID, 10)+" ("+string(v.Me.State)+") last "+
			strconv.FormatInt(v.Conversation.LastMessageID, 10)+" unread "+strconv.Itoa(v.Me.Unread))
	}
	return out
}

// deliveryRefused reports whether in's delivery of the Create of the
// message iri ended without being accepted.
func deliveryRefused(t *testing.T, in *servertest.Instance, iri string) bool {
	t.Helper()
	for _, d := range in.Deliveries(t) {
		if d.ActivityType == "Create" && strings.HasPrefix(d.ActivityID, iri+"#") && d.Done() && d.State != "completed" {
			return true
		}
	}
	return false
}
