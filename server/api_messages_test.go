package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Direct statuses are private messages: sent to the @mentioned, listed in
// /api/v1/conversations once accepted, and not found by anyone else.
func TestAPIDirectStatuses(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		ctx := context.Background()
		alice, bob, carol, dave := env.user("alice"), env.user("bob"), env.user("carol"), env.user("dave")
		if _, err := env.srv.Service().FollowAccount(ctx, bob, "alice"); err != nil {
			t.Fatalf("bob follows alice: %v", err)
		}
		aliceTok, bobTok, carolTok, daveTok := env.token(alice, ""), env.token(bob, ""), env.token(carol, ""), env.token(dave, "")
		board := env.createBoard(aliceTok, "Kitchens", false)
		pin := env.createPin(aliceTok, str(t, board, "id"), "a blue kitchen")

		r := env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{"status": {"hi @bob"}, "visibility": {"public"}})
		wantAPIStatus(t, "public status", r, http.StatusUnprocessableEntity)

		r = env.call(http.MethodPost, "/api/v1/statuses", aliceTok, url.Values{
			"status": {"@bob look at this <kitchen>"}, "visibility": {"direct"}, "pin_id": {str(t, pin, "id")}})
		wantAPIStatus(t, "direct status", r, http.StatusOK)
		st := r.JSON(t)
		statusID := str(t, st, "id")
		if st["visibility"] != "direct" || st["pin"] == nil || len(st["media_attachments"].([]any)) != 1 {
			t.Fatalf("status = %v", st)
		}
		if mentions := st["mentions"].([]any); len(mentions) != 1 || mentions[0].(map[string]any)["username"] != "bob" {
			t.Fatalf("mentions = %v", mentions)
		}
		if c := str(t, st, "content"); c == "" || !containsAll(c, "&lt;kitchen&gt;", "/pins/"+str(t, pin, "id")) {
			t.Fatalf("content = %q", c)
		}

		r = env.call(http.MethodGet, "/api/v1/conversations", bobTok, nil)
		wantAPIStatus(t, "bob's conversations", r, http.StatusOK)
		convs := r.list(t)
		if len(convs) != 1 || convs[0]["unread"] != true || convs[0]["last_status"].(map[string]any)["id"] != statusID {
			t.Fatalf("conversations = %v", convs)
		}
		convID := str(t, convs[0], "id")
		r = env.call(http.MethodPost, "/api/v1/conversations/"+convID+"/read", bobTok, url.Values{})
		wantAPIStatus(t, "mark read", r, http.StatusOK)
		convs = env.call(http.MethodGet, "/api/v1/conversations", bobTok, nil).list(t)
		if len(convs) != 1 || convs[0]["unread"] != false {
			t.Fatalf("after read, conversations = %v", convs)
		}

		wantAPIStatus(t, "bob reads the status", env.call(http.MethodGet, "/api/v1/statuses/"+statusID, bobTok, nil), http.StatusOK)
		wantAPIStatus(t, "dave reads the status", env.call(http.MethodGet, "/api/v1/statuses/"+statusID, daveTok, nil), http.StatusNotFound)

		// bob replies; the context of the first message shows the reply.
		r = env.call(http.MethodPost, "/api/v1/statuses", bobTok, url.Values{
			"status": {"lovely"}, "visibility": {"direct"}, "in_reply_to_id": {statusID}})
		wantAPIStatus(t, "reply", r, http.StatusOK)
		if reply := r.JSON(t); reply["in_reply_to_id"] != statusID {
			t.Fatalf("reply = %v", reply)
		}
		ctxJSON := env.call(http.MethodGet, "/api/v1/statuses/"+statusID+"/context", aliceTok, nil).JSON(t)
		if len(ctxJSON["ancestors"].([]any)) != 0 || len(ctxJSON["descendants"].([]any)) != 1 {
			t.Fatalf("context = %v", ctxJSON)
		}
		notes := env.call(http.MethodGet, "/api/v1/notifications", aliceTok, nil).list(t)
		if len(notes) != 2 || notes[0]["type"] != "mention" || notes[1]["type"] != "follow" ||
			notes[1]["account"].(map[string]any)["username"] != "bob" {
			t.Fatalf("alice's notifications = %v; want bob's reply, then bob's follow", notes)
		}

		// A stranger's first message is a request until bob accepts it.
		r = env.call(http.MethodPost, "/api/v1/statuses", carolTok, url.Values{"status": {"hello @bob"}, "visibility": {"direct"}})
		wantAPIStatus(t, "carol's status", r, http.StatusOK)
		reqs := env.call(http.MethodGet, "/api/v1/notifications/requests", bobTok, nil).list(t)
		if len(reqs) != 1 || reqs[0]["account"].(map[string]any)["username"] != "carol" || reqs[0]["notifications_count"] != "1" {
			t.Fatalf("requests = %v", reqs)
		}
		if convs := env.call(http.MethodGet, "/api/v1/conversations", bobTok, nil).list(t); len(convs) != 1 {
			t.Fatalf("a request is listed in conversations: %v", convs)
		}
		r = env.call(http.MethodPost, "/api/v1/notifications/requests/"+str(t, reqs[0], "id")+"/accept", bobTok, url.Values{})
		wantAPIStatus(t, "accept", r, http.StatusOK)
		if convs := env.call(http.MethodGet, "/api/v1/conversations", bobTok, nil).list(t); len(convs) != 2 {
			t.Fatalf("after accept, conversations = %v", convs)
		}
		if reqs := env.call(http.MethodGet, "/api/v1/notifications/requests", bobTok, nil).list(t); len(reqs) != 0 {
			t.Fatalf("after accept, requests = %v", reqs)
		}
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
