package server_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestMessageRequestFromAnotherServer: bob@B takes first messages from
// people he follows only (the default); alice@A, whom he does not
// follow, writes. On B it waits as a request: not in his conversations
// (Messages page or client API) but in his requests (page and
// /api/v1/notifications/requests), no mention notification. Once he accepts it through the client API it is an
// active conversation, and alice's next message lands in it.
func TestMessageRequestFromAnotherServer(t *testing.T) {
	t.Parallel()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			testMessageRequest(t, kind)
		})
	}
}

func testMessageRequest(t *testing.T, kind string) {
	ctx := context.Background()
	net := messageNetwork(t, kind, "A", "B")
	a, b := net[0], net[1]
	alice, bob := a.CreateUser(t, "alice"), b.CreateUser(t, "bob")
	if p, err := b.Server.Store().MessagePolicy(ctx, bob.ID); err != nil || p != corkboard.MessagesFromFollowing {
		t.Fatalf("bob's policy = %q, %v; want the default, people he follows", p, err)
	}
	token := tokenFor(t, b, bob)
	bobOnA := resolveOn(t, a, b.Handle("bob"))

	sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "hello from A", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("alice sends: %v", err)
	}
	got := messageArrives(t, b, a.Service().MessageIRI(sent))
	convID := strconv.FormatInt(got.ConversationID, 10)

	if vs, err := b.Service().Conversations(ctx, bob, corkboard.MemberActive, 0, 10); err != nil || len(vs) != 0 {
		t.Errorf("bob's active conversations = %d, %v; want none before he accepts", len(vs), err)
	}
	if vs, err := b.Service().Conversations(ctx, bob, corkboard.MemberRequest, 0, 10); err != nil || len(vs) != 1 {
		t.Errorf("bob's requests = %d, %v; want alice's", len(vs), err)
	}
	if list := apiList(t, b, "/api/v1/conversations", token); len(list) != 0 {
		t.Errorf("GET /api/v1/conversations lists a request: %v", list)
	}
	browser, link := signInAt(t, b, "bob"), `href="/messages/`+convID+`"`
	if strings.Contains(browser.get("/messages").body, link) {
		t.Errorf("bob's Messages page lists a request")
	}
	wantBody(t, "bob's requests page", browser.get("/messages/requests"), link)
	reqs := apiList(t, b, "/api/v1/notifications/requests", token)
	if !slices.Equal(entityIDs(reqs), []string{convID}) {
		t.Fatalf("GET /api/v1/notifications/requests = %v, want conversation %s", reqs, convID)
	}
	if acct, _ := reqs[0]["account"].(map[string]any); acct == nil || acct["acct"] != "alice@"+a.Host ||
		acct["uri"] != personIRI(a, "alice") {
		t.Errorf("the request is from %v, want alice@%s (%s)", reqs[0]["account"], a.Host, personIRI(a, "alice"))
	}
	if list := apiList(t, b, "/api/v1/notifications", token); len(list) != 0 {
		t.Errorf("a request leaks into bob's notifications: %v", list)
	}

	status, body := apiCall(t, b, http.MethodPost, "/api/v1/notifications/requests/"+convID+"/accept", token)
	if status != http.StatusOK {
		t.Fatalf("accept: %d\n%s", status, body)
	}
	if list := apiList(t, b, "/api/v1/conversations", token); !slices.Equal(entityIDs(list), []string{convID}) {
		t.Fatalf("after accepting, GET /api/v1/conversations = %v, want conversation %s", list, convID)
	}
	if reqs := apiList(t, b, "/api/v1/notifications/requests", token); len(reqs) != 0 {
		t.Errorf("after accepting, requests = %v", reqs)
	}
	wantBody(t, "bob's Messages page after accepting", browser.get("/messages"), link)

	// alice writes again: the same conversation, active, on top.
	next, err := a.Service().Reply(ctx, alice, sent.ConversationID, "did you see it?", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatalf("alice writes again: %v", err)
	}
	again := messageArrives(t, b, a.Service().MessageIRI(next))
	if again.ConversationID != got.ConversationID {
		t.Errorf("alice's second message is in conversation %d on B, want %d", again.ConversationID, got.ConversationID)
	}
	list := apiList(t, b, "/api/v1/conversations", token)
	if len(list) != 1 || list[0]["id"] != convID || list[0]["unread"] != true {
		t.Fatalf("GET /api/v1/conversations = %v; want conversation %s, unread", list, convID)
	}
	if last, _ := list[0]["last_status"].(map[string]any); last == nil || last["id"] != strconv.FormatInt(again.ID, 10) {
		t.Errorf("the conversation's last status is %v, want message %d", list[0]["last_status"], again.ID)
	}
	notes := apiList(t, b, "/api/v1/notifications", token)
	if len(notes) != 1 || notes[0]["type"] != "mention" {
		t.Errorf("bob's notifications = %v; want one mention, of the message after accepting", notes)
	}
	if reqs := apiList(t, b, "/api/v1/notifications/requests", token); len(reqs) != 0 {
		t.Errorf("alice's second message made a request again: %v", reqs)
	}
}
