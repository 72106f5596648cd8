package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFedifyDirectMessage exchanges private messages between the real
// binary and a real Fedify server (interop/fedify/peer.mjs): the peer
// sends alice a direct Create(Note) with a Mention and an Image it serves
// itself; alice, who follows the peer, finds it among her conversations
// with the image stored on her own server; she replies with a pin, and
// the peer gets a direct Create(Note) with the pin's image. Signatures
// are verified on both sides: Corkboard takes only signed activities, and
// the peer records verified: true only after Fedify's verification.
func TestFedifyDirectMessage(t *testing.T) {
	t.Parallel()
	dir := fedifyPeerDir(t)
	in := newInstance(t, "sqlite").with("CORKBOARD_ALLOW_PRIVATE_ADDRESSES=127.0.0.0/8")
	srv := startServer(t, in)
	peer := startFedifyPeer(t, dir, "127.0.0.9")
	t.Cleanup(func() { logFedifyState(t, peer, srv) })

	createUser(t, in, "alice", alicePassword)
	client := &http.Client{Timeout: 30 * time.Second}
	api := &apiCaller{t: t, base: srv.URL, token: lastLine(runCLI(t, in, "admin", "token", "--username", "alice")), http: client}
	aliceIRI := srv.URL + "/users/alice"
	deadline := time.Now().Add(60 * time.Second)

	// (a) alice follows the peer, so that its message lands among her
	// conversations rather than her requests.
	peerID := aliceFollowsRemote(t, api, peer.Actor)
	waitFor(t, deadline, "(a) alice's relationship with the peer to become following=true", func() (bool, string) {
		status, body := apiRaw(t, api, http.MethodGet, "/api/v1/accounts/relationships?id[]="+url.QueryEscape(peerID), "", nil)
		var rels []struct{ Following, Requested bool }
		_ = json.Unmarshal(body, &rels)
		return status == http.StatusOK && len(rels) == 1 && rels[0].Following, fmt.Sprintf("%d %s", status, body)
	})

	// (b) The peer sends alice a direct message with its own image.
	const dmText = "a private hello from Fedify"
	imageURL := peer.URL + "/media/pixel.png"
	status, reply := peer.call(t, http.MethodPost, "send-dm", map[string]any{"to": aliceIRI, "content": dmText, "imageUrl": imageURL})
	if status != http.StatusOK {
		t.Fatalf("(b) the peer could not send alice a direct message: %d %s", status, reply)
	}
	var sent struct{ ID, Note string }
	if err := json.Unmarshal(reply, &sent); err != nil || sent.Note == "" {
		t.Fatalf("(b) the peer's send-dm answer: %v: %s", err, reply)
	}

	// (c) alice sees it in GET /api/v1/conversations (accepting it from
	// the requests should it have landed there), its image on our host.
	type dmStatus struct {
		ID               string `json:"id"`
		URI              string `json:"uri"`
		Content          string `json:"content"`
		Visibility       string `json:"visibility"`
		Account          *struct{ ID, URL, Acct string }
		MediaAttachments []struct {
			Type      string  `json:"type"`
			URL       string  `json:"url"`
			RemoteURL *string `json:"remote_url"`
		} `json:"media_attachments"`
	}
	var got *dmStatus
	waitFor(t, deadline, "(c) the peer's message in alice's conversations", func() (bool, string) {
		code, body := apiRaw(t, api, http.MethodGet, "/api/v1/conversations", "", nil)
		var convs []struct {
			ID         string    `json:"id"`
			LastStatus *dmStatus `json:"last_status"`
		}
		if err := json.Unmarshal(body, &convs); code != http.StatusOK || err != nil {
			return false, fmt.Sprintf("GET /api/v1/conversations = %d (%v): %s", code, err, truncate(string(body), 1000))
		}
		for _, c := range convs {
			if c.LastStatus != nil && strings.Contains(c.LastStatus.Content, dmText) {
				got = c.LastStatus
				return true, ""
			}
		}
		code, reqs := apiRaw(t, api, http.MethodGet, "/api/v1/notifications/requests", "", nil)
		var requests []struct {
			ID         string    `json:"id"`
			LastStatus *dmStatus `json:"last_status"`
		}
		_ = json.Unmarshal(reqs, &requests)
		for _, r := range requests {
			if r.LastStatus != nil && strings.Contains(r.LastStatus.Content, dmText) {
				t.Logf("(c) the message landed in alice's requests; accepting request %s", r.ID)
				if code, body := apiRaw(t, api, http.MethodPost, "/api/v1/notifications/requests/"+r.ID+"/accept", "", nil); code != http.StatusOK {
					t.Fatalf("(c) accept request %s = %d: %s", r.ID, code, body)
				}
			}
		}
		return false, fmt.Sprintf("conversations: %s; requests (%d): %s", truncate(string(body), 1000), code, truncate(string(reqs), 1000))
	})
	if got.Visibility != "direct" {
		t.Errorf("(c) the message's visibility = %q, want direct", got.Visibility)
	}
	if got.Account == nil || got.Account.ID != peerID {
		t.Errorf("(c) the message's account = %+v, want the peer (%s)", got.Account, peerID)
	}
	if got.URI != sent.Note {
		t.Errorf("(c) the message's uri = %q, want the peer's note %q", got.URI, sent.Note)
	}
	if len(got.MediaAttachments) != 1 {
		t.Fatalf("(c) the message has %d media attachments, want 1: %+v", len(got.MediaAttachments), got.MediaAttachments)
	}
	media := got.MediaAttachments[0].URL
	if !strings.HasPrefix(media, srv.URL+"/media/") {
		t.Fatalf("(c) the image's url = %q, want it stored locally under %s/media/", media, srv.URL)
	}
	resp, body := get(t, client, media)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") || len(body) == 0 {
		t.Fatalf("(c) GET %s = %d %s (%d bytes), want the stored image", media, resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
	t.Logf("(c) alice got the message %s with its image stored at %s", got.ID, media)

	// (d) alice replies with a pin of hers attached.
	board := api.createBoard("Replies")
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	for k, v := range map[string]string{"board_id": board, "title": "A gradient for you", "alt_text": "a blue gradient"} {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", "gradient.png")
	_, _ = fw.Write(interopPNG(t))
	_ = mw.Close()
	code, pin := api.send(http.MethodPost, "/api/v1/pins", mw.FormDataContentType(), &form)
	pinID, _ := pin["id"].(string)
	if code != http.StatusOK || pinID == "" {
		t.Fatalf("(d) POST /api/v1/pins = %d: %v", code, pin)
	}
	const replyText = "here is a pin back"
	code, answer := apiRaw(t, api, http.MethodPost, "/api/v1/statuses", "application/x-www-form-urlencoded",
		[]byte(url.Values{"status": {replyText}, "visibility": {"direct"}, "in_reply_to_id": {got.ID}, "pin_id": {pinID}}.Encode()))
	var mine dmStatus
	if err := json.Unmarshal(answer, &mine); code != http.StatusOK || err != nil || mine.URI == "" {
		t.Fatalf("(d) POST /api/v1/statuses = %d (%v): %s", code, err, answer)
	}

	// (e) The peer records a verified Create(Note) addressed to it, with
	// the pin's image as its one Image attachment.
	var create peerActivity
	waitFor(t, deadline, "(e) the peer to receive alice's reply", func() (bool, string) {
		acts := peer.received(t)
		for _, a := range acts {
			if a.Type == "Create" && a.Actor == aliceIRI && a.ObjectID == mine.URI {
				create = a
				return true, ""
			}
		}
		return false, summarize(acts)
	})
	if !create.Verified {
		t.Fatalf("(e) Fedify could not verify alice's Create: %s", create)
	}
	o := create.Object
	if o == nil || o.Type != "Note" {
		t.Fatalf("(e) the Create's object = %+v, want an embedded Note", o)
	}
	if !slices.Contains(o.To, peer.Actor) && !slices.Contains(o.Cc, peer.Actor) {
		t.Errorf("(e) the Note is addressed to %v (cc %v), want the peer %s", o.To, o.Cc, peer.Actor)
	}
	if slices.Contains(o.To, "https://www.w3.org/ns/activitystreams#Public") || slices.Contains(o.Cc, "https://www.w3.org/ns/activitystreams#Public") {
		t.Errorf("(e) a private message is addressed to the public: to %v cc %v", o.To, o.Cc)
	}
	if !strings.Contains(o.Content, replyText) {
		t.Errorf("(e) the Note's content = %q, want it to contain %q", o.Content, replyText)
	}
	if len(o.Attachment) != 1 || o.Attachment[0].Type != "Image" || !strings.HasPrefix(o.Attachment[0].URL, srv.URL+"/media/") {
		t.Errorf("(e) the Note's attachments = %+v, want one Image, the pin's, under %s/media/", o.Attachment, srv.URL)
	}
	if p := create.ParsedObject; p == nil || p.Error != "" || p.Type != "Note" || len(p.Attachments) != 1 || p.Attachments[0].Type != "Image" {
		t.Errorf("(e) Fedify parsed the object as %+v, want a Note with one Image", p)
	}
	t.Logf("(e) the peer got alice's reply, verified: %s", create)
}
