package server_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestGroupConversationAcrossThreeServers: alice@A sends a pin to bob@B
// and carol@C; bob replies, carol answers bob's reply. Every server ends
// with one conversation of the three, holding the three messages in
// order, each replying to the one before, under A's context. Every copy
// of a Create(Note) went to a personal inbox, addressed to the other
// participants and only them.
func TestGroupConversationAcrossThreeServers(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			testGroupConversation(t, kind)
			t.Logf("group scenario on %s took %s", kind, time.Since(start).Round(time.Millisecond))
		})
	}
}

// groupSide is one server's participant in the group thread.
type groupSide struct {
	in *servertest.Instance
	me *corkboard.Account
}

func testGroupConversation(t *testing.T, kind string) {
	ctx := context.Background()
	net := messageNetwork(t, kind, "A", "B", "C")
	a, b, c := net[0], net[1], net[2]
	alice, bob, carol := a.CreateUser(t, "alice"), b.CreateUser(t, "bob"), c.CreateUser(t, "carol")
	pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Lamps"), "a brass lamp")
	bobOnA, carolOnA := resolveOn(t, a, b.Handle("bob")), resolveOn(t, a, c.Handle("carol"))

	sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID, carolOnA.ID}, "for both of you",
		corkboard.MessageAttachment{PinID: pin.ID})
	if err != nil {
		t.Fatalf("alice sends: %v", err)
	}
	first := a.Service().MessageIRI(sent)
	onB, onC := messageArrives(t, b, first), messageArrives(t, c, first)

	reply, err := b.Service().Reply(ctx, bob, onB.ConversationID, "lovely, thanks", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("bob replies: %v", err)
	}
	second := b.Service().MessageIRI(reply)
	messageArrives(t, a, second)
	messageArrives(t, c, second) // carol answers bob's reply, not alice's message

	answer, err := c.Service().Reply(ctx, carol, onC.ConversationID, "same here", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("carol replies: %v", err)
	}
	third := c.Service().MessageIRI(answer)
	messageArrives(t, a, third)
	messageArrives(t, b, third)

	sides := []groupSide{{a, alice}, {b, bob}, {c, carol}}
	iris := map[string]string{}
	for _, side := range sides {
		iris[side.me.Username] = personIRI(side.in, side.me.Username)
	}
	thread := []string{first, second, third}
	contexts := map[string]bool{}
	for _, side := range sides {
		contexts[checkGroupThread(t, side, thread, iris, a.PinIRI(pin))] = true
	}
	if len(contexts) != 1 {
		t.Fatalf("the servers keep the thread under different contexts: %v", contexts)
	}
	checkGroupInAPI(t, b, bob, []string{"alice@" + a.Host, "carol@" + c.Host}, third)
	for ctxIRI := range contexts {
		if !strings.HasPrefix(ctxIRI, a.URL+"/") {
			t.Errorf("context %q is not the one A (where the thread started) gave it", ctxIRI)
		}
		checkGroupWire(t, sides, thread, iris, ctxIRI)
	}
}

// checkGroupInAPI asserts that a Mastodon client of a participant sees
// the thread as one conversation with the others, ending with last.
func checkGroupInAPI(t *testing.T, in *servertest.Instance, me *corkboard.Account, others []string, last string) {
	t.Helper()
	list := apiList(t, in, "/api/v1/conversations", tokenFor(t, in, me))
	if len(list) != 1 {
		t.Fatalf("%s: GET /api/v1/conversations for %s = %v, want one conversation", in.Name, me.Username, list)
	}
	var accts []string
	accounts, _ := list[0]["accounts"].([]any)
	for _, acct := range accounts {
		m, _ := acct.(map[string]any)
		name, _ := m["acct"].(string)
		accts = append(accts, name)
	}
	if !slices.Equal(slices.Sorted(slices.Values(accts)), slices.Sorted(slices.Values(others))) {
		t.Errorf("%s: the conversation's accounts are %v, want %v", in.Name, accts, others)
	}
	if status, _ := list[0]["last_status"].(map[string]any); status == nil || status["uri"] != last {
		t.Errorf("%s: the conversation's last status is %v, want %s", in.Name, list[0]["last_status"], last)
	}
}

// checkGroupWire asserts what crossed the wire: the message thread[i],
// written by sides[i], went to the personal inbox of each other
// participant and nowhere else, and reached each other server once,
// addressed to everyone in the thread but its sender, under its context.
func checkGroupWire(t *testing.T, sides []groupSide, thread []string, iris map[string]string, contextIRI string) {
	t.Helper()
	for i, iri := range thread {
		sender := sides[i]
		var others []string
		for _, side := range sides {
			if side != sender {
				others = append(others, iris[side.me.Username])
			}
		}
		checkPersonalDeliveries(t, sender.in, others)
		for _, side := range sides {
			if side == sender {
				continue
			}
			notes := createsOf(t, side.in, iri)
			if len(notes) != 1 {
				t.Errorf("%s received %d copies of the Create of %s, want 1", side.in.Name, len(notes), iri)
				continue
			}
			checkAddressing(t, side.in.Name+" <- "+sender.me.Username, notes[0], others)
			if notes[0].Object.Context != contextIRI {
				t.Errorf("%s: the Note of %s has context %q, want the thread's %q", side.in.Name, iri, notes[0].Object.Context, contextIRI)
			}
		}
	}
}

// checkGroupThread asserts what one participant sees: exactly one
// conversation, of the three, with the thread's messages in order and
// chained, the pin rendered natively. It returns the thread's context.
func checkGroupThread(t *testing.T, side groupSide, thread []string, iris map[string]string, pinIRI string) string {
	t.Helper()
	ctx, in := context.Background(), side.in
	views := conversationsOf(t, in, side.me)
	if len(views) != 1 {
		t.Fatalf("%s: %s has %d conversations, want exactly 1", in.Name, side.me.Username, len(views))
	}
	conv := views[0].Conversation
	if views[0].Me.State != corkboard.MemberActive { // each of them wrote in it
		t.Errorf("%s: the conversation is %q for %s, want active", in.Name, views[0].Me.State, side.me.Username)
	}
	var members []string
	for _, m := range conv.Members {
		if m.Account.IsLocal() {
			members = append(members, personIRI(in, m.Account.Username))
		} else {
			members = append(members, m.Account.IRI)
		}
	}
	if want := slices.Sorted(maps.Values(iris)); !slices.Equal(slices.Sorted(slices.Values(members)), want) {
		t.Errorf("%s: the conversation's members are %v, want %v", in.Name, members, want)
	}
	ms, err := in.Service().Messages(ctx, side.me, conv.ID, 0, 50)
	if err != nil {
		t.Fatalf("%s: %s's messages: %v", in.Name, side.me.Username, err)
	}
	var got, replyTo []string
	for _, m := range ms {
		got, replyTo = append(got, in.Service().MessageIRI(m)), append(replyTo, m.InReplyToIRI)
	}
	if !slices.Equal(got, thread) {
		t.Errorf("%s: the thread holds %v, want %v in that order", in.Name, got, thread)
	}
	if want := append([]string{""}, thread[:len(thread)-1]...); !slices.Equal(replyTo, want) {
		t.Errorf("%s: inReplyTo = %v, want %v", in.Name, replyTo, want)
	}
	if len(ms) > 0 && (ms[0].Pin == nil || (ms[0].Pin.IRI != pinIRI && in.Service().PinIRI(ms[0].Pin) != pinIRI)) {
		t.Errorf("%s: the first message shows pin %+v, want %s natively", in.Name, ms[0].Pin, pinIRI)
	}
	return conv.ContextIRI
}

// checkPersonalDeliveries asserts that the one message in sent went to
// each of the others' own inboxes once, and nowhere else (never to a
// shared inbox).
func checkPersonalDeliveries(t *testing.T, in *servertest.Instance, others []string) {
	t.Helper()
	var inboxes []string
	activities := map[string]bool{}
	for _, d := range in.Deliveries(t) {
		if d.ActivityType == "Create" {
			inboxes, activities[d.ActivityID] = append(inboxes, d.Inbox), true
		}
	}
	var want []string
	for _, iri := range others {
		want = append(want, iri+"/inbox")
	}
	if len(activities) != 1 || !slices.Equal(slices.Sorted(slices.Values(inboxes)), slices.Sorted(slices.Values(want))) {
		t.Errorf("%s delivered Creates of %d messages to %v, want its one message to %v", in.Name, len(activities), inboxes, want)
	}
}
