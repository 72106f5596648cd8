package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFedifyInterop federates the real binary with a real Fedify server
// (interop/fedify/peer.mjs) on two loopback hosts: the peer follows alice
// and gets her Accept, gets her new pin as a Create(Note) with an Image,
// likes it, and is followed back. Every activity the peer receives must
// pass Fedify's own signature verification.
func TestFedifyInterop(t *testing.T) {
	t.Parallel()
	dir := fedifyPeerDir(t)
	in := newInstance(t, "sqlite").with("CORKBOARD_ALLOW_PRIVATE_ADDRESSES=127.0.0.0/8")
	srv := startServer(t, in)
	peer := startFedifyPeer(t, dir, "127.0.0.9") // another address: another host
	t.Cleanup(func() { logFedifyState(t, peer, srv) })

	createUser(t, in, "alice", alicePassword)
	client := &http.Client{Timeout: 30 * time.Second}
	api := &apiCaller{t: t, base: srv.URL, token: lastLine(runCLI(t, in, "admin", "token", "--username", "alice")), http: client}
	aliceIRI := srv.URL + "/users/alice"
	// Deliveries are asynchronous on both sides: every wait below shares
	// this limit.
	deadline := time.Now().Add(60 * time.Second)

	// (a) The peer follows alice by her actor's IRI; she accepts.
	status, actor, body := getActivityJSON(t, client, aliceIRI)
	if status != http.StatusOK {
		t.Fatalf("(a) GET %s (Accept: application/activity+json) = %d, want 200: alice's Person actor is not served, so no server can follow her: %s",
			aliceIRI, status, truncate(body, 300))
	}
	if !slices.Contains(stringsOf(asList(actor["@context"])), "https://w3id.org/security/v1") {
		t.Fatalf("(a) alice's actor has no https://w3id.org/security/v1 in its @context: Fedify ignores publicKey without it:\n%s", truncate(body, 2000))
	}
	if pk, _ := actor["publicKey"].(map[string]any); pk == nil || pk["publicKeyPem"] == nil {
		t.Fatalf("(a) alice's actor has no publicKey.publicKeyPem:\n%s", truncate(body, 2000))
	}
	status, reply := peer.call(t, http.MethodPost, "follow", map[string]string{"actor": aliceIRI})
	if status != http.StatusOK {
		t.Fatalf("(a) the peer could not follow alice: %d %s", status, reply)
	}
	var follow struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(reply, &follow); err != nil || follow.ID == "" {
		t.Fatalf("(a) the peer's follow answer: %v: %s", err, reply)
	}
	followersURL, _ := actor["followers"].(string)
	if followersURL == "" {
		t.Fatalf("(a) alice's actor has no followers collection:\n%s", truncate(body, 2000))
	}
	waitFor(t, deadline, "(a) alice's followers collection to list the peer", func() (bool, string) {
		ids, seen := collectionItems(t, client, followersURL)
		return slices.Contains(ids, peer.Actor), seen
	})
	waitFor(t, deadline, "(a) the peer to receive alice's Accept of its Follow, verified", func() (bool, string) {
		got := peer.received(t)
		for _, a := range got {
			if a.Type == "Accept" && a.Actor == aliceIRI && a.ObjectID == follow.ID {
				if !a.Verified {
					t.Fatalf("(a) Fedify could not verify alice's Accept: %s", a)
				}
				t.Logf("(a) the peer follows alice; her Accept: %s", a)
				return true, ""
			}
		}
		return false, summarize(got)
	})

	// (b) alice pins an image: the peer, her follower, gets a Create of
	// a Note with one Image attachment.
	board := api.createBoard("Fedify interop")
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	for k, v := range map[string]string{"board_id": board, "title": "A gradient", "description": "Pinned for the Fedify peer", "alt_text": "a blue gradient"} {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", "gradient.png")
	_, _ = fw.Write(interopPNG(t))
	_ = mw.Close()
	status, pin := api.send(http.MethodPost, "/api/v1/pins", mw.FormDataContentType(), &form)
	if status != http.StatusOK {
		t.Fatalf("(b) POST /api/v1/pins = %d: %v", status, pin)
	}
	pinID, _ := pin["id"].(string)
	pinURI, _ := pin["uri"].(string)
	if pinID == "" || pinURI == "" {
		t.Fatalf("(b) the new pin has no id or uri: %v", pin)
	}
	var create peerActivity
	waitFor(t, deadline, "(b) the peer to receive a Create of the pin", func() (bool, string) {
		got := peer.received(t)
		for _, a := range got {
			if a.Type == "Create" && a.ObjectID == pinURI {
				create = a
				return true, ""
			}
		}
		return false, summarize(got)
	})
	if !create.Verified {
		t.Fatalf("(b) Fedify could not verify the Create: %s", create)
	}
	if create.Actor != aliceIRI {
		t.Errorf("(b) Create actor = %q, want %q", create.Actor, aliceIRI)
	}
	if o := create.Object; o == nil || o.Type != "Note" || o.ID != pinURI {
		t.Errorf("(b) Create object = %+v, want an embedded Note %s", o, pinURI)
	} else if len(o.Attachment) != 1 || o.Attachment[0].Type != "Image" || o.Attachment[0].URL == "" ||
		(o.Attachment[0].MediaType != "image/png" && o.Attachment[0].MediaType != "image/jpeg") {
		t.Errorf("(b) the Note's attachments = %+v, want one Image (png or jpeg) with a url", o.Attachment)
	}
	if p := create.ParsedObject; p == nil || p.Error != "" || p.Type != "Note" || len(p.Attachments) != 1 || p.Attachments[0].Type != "Image" {
		t.Errorf("(b) Fedify parsed the object as %+v, want a Note with one Image", p)
	}
	t.Logf("(b) the peer got the pin: %s", create)

	// (c) The peer likes the pin: the like reaches the pin's count.
	status, reply = peer.call(t, http.MethodPost, "like", map[string]string{"object": pinURI})
	if status != http.StatusOK {
		t.Fatalf("(c) the peer could not like %s: %d %s", pinURI, status, reply)
	}
	waitFor(t, deadline, "(c) the pin's like_count to become 1", func() (bool, string) {
		status, got := api.send(http.MethodGet, "/api/v1/pins/"+pinID, "", &bytes.Buffer{})
		return status == http.StatusOK && got["like_count"] == float64(1), fmt.Sprintf("%d like_count=%v", status, got["like_count"])
	})
	t.Logf("(c) the peer's Like counts: like_count of pin %s is 1", pinID)

	// (d) alice follows the peer back through the client API, as
	// Mastodon clients do: the peer gets a verified Follow, its Accept is
	// taken, and her relationship turns from requested to following.
	peerID := aliceFollowsRemote(t, api, peer.Actor)
	waitFor(t, deadline, "(d) the peer to receive alice's Follow, verified", func() (bool, string) {
		got := peer.received(t)
		for _, a := range got {
			if a.Type == "Follow" && a.Actor == aliceIRI && a.ObjectID == peer.Actor {
				if !a.Verified {
					t.Fatalf("(d) Fedify could not verify alice's Follow: %s", a)
				}
				return true, ""
			}
		}
		return false, summarize(got)
	})
	waitFor(t, deadline, "(d) the peer's Accept to be delivered to alice", func() (bool, string) {
		var last []string
		for _, d := range peer.deliveries(t) {
			if d.Type == "Accept" && d.To == aliceIRI {
				if d.OK {
					return true, ""
				}
				last = append(last, fmt.Sprintf("attempt %d: %s", d.Attempt, d.Error))
			}
		}
		return false, strings.Join(last, "; ")
	})
	if f := peer.followers(t); !slices.Contains(f, aliceIRI) {
		t.Errorf("(d) the peer's followers = %v, want alice among them", f)
	}
	waitFor(t, deadline, "(d) alice's relationship with the peer to become following=true", func() (bool, string) {
		status, body := apiRaw(t, api, http.MethodGet, "/api/v1/accounts/relationships?id[]="+url.QueryEscape(peerID), "", nil)
		var rels []struct {
			Following, Requested bool
		}
		_ = json.Unmarshal(body, &rels)
		return status == http.StatusOK && len(rels) == 1 && rels[0].Following && !rels[0].Requested, fmt.Sprintf("%d %s", status, body)
	})
	t.Log("(d) alice follows the peer; its Accept was delivered and taken")
}

// TestFedifyPeerSelfTest runs the peer's own tests (npm test): its actor
// document, control API, follow/like/message round trips between two
// peers, and the draft-cavage retry after a 401, without Corkboard.
func TestFedifyPeerSelfTest(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("end-to-end: runs the Fedify peer")
	}
	dir := fedifyPeerDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "--test", "test/peer.test.mjs")
	cmd.Dir = dir
	cmd.Env = processEnv(nil)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	// The test runner's peers are in its process group: end them all.
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	out, err := cmd.CombinedOutput()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	if err != nil {
		t.Fatalf("node --test test/peer.test.mjs in %s: %v\n%s", dir, err, out)
	}
}

// aliceFollowsRemote has alice follow the actor at iri through the
// client API, the way Mastodon clients do: resolve the account by search
// (GET /api/v2/search?resolve=true), then POST /api/v1/accounts/:id/follow.
// It returns the account's id here; the follow must be requested (or, had
// the Accept already come, following).
func aliceFollowsRemote(t *testing.T, api *apiCaller, iri string) string {
	t.Helper()
	path := "/api/v2/search?type=accounts&resolve=true&q=" + url.QueryEscape(iri)
	status, body := apiRaw(t, api, http.MethodGet, path, "", nil)
	var found struct {
		Accounts []struct{ ID, URI, Acct string } `json:"accounts"`
	}
	if err := json.Unmarshal(body, &found); status != http.StatusOK || err != nil {
		t.Fatalf("(d) GET %s = %d (%v): %s", path, status, err, body)
	}
	if len(found.Accounts) != 1 || found.Accounts[0].URI != iri {
		t.Fatalf("(d) GET %s did not resolve %s: %s", path, iri, body)
	}
	id := found.Accounts[0].ID
	status, body = apiRaw(t, api, http.MethodPost, "/api/v1/accounts/"+url.PathEscape(id)+"/follow", "", nil)
	var rel struct{ Following, Requested bool }
	if err := json.Unmarshal(body, &rel); status != http.StatusOK || err != nil || !(rel.Requested || rel.Following) {
		t.Fatalf("(d) POST /api/v1/accounts/%s/follow = %d (%v): %s, want a requested follow", id, status, err, body)
	}
	t.Logf("(d) alice follows %s (%s) through the API: %s", found.Accounts[0].Acct, id, body)
	return id
}

// apiRaw calls the client API as alice and returns the status and body,
// whatever they are.
func apiRaw(t *testing.T, api *apiCaller, method, path, contentType string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, api.base+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+api.token)
	resp, text := fetch(t, api.http, req)
	return resp.StatusCode, []byte(text)
}

// summarize is one line per recorded activity, for a wait's last state.
func summarize(acts []peerActivity) string {
	if len(acts) == 0 {
		return "the peer has received nothing"
	}
	lines := make([]string, len(acts))
	for i, a := range acts {
		lines[i] = a.String()
	}
	return "the peer has received:\n  " + strings.Join(lines, "\n  ")
}

func stringsOf(vs []any) []string {
	var out []string
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
