package server_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// Privacy words. The message says privateWord and #secrettag; the public
// pin it carries says publicWord and #secrettag too, so a search for
// "zanzibar" (a prefix of both words) or for the tag would find both if
// messages were searchable, and every surface checked shows the pin.
const (
	privateWord = "zanzibarquux"
	publicWord  = "zanzibarpublic"
	privacyTag  = "secrettag"
)

// TestMessagePrivacy: alice@A sends bob@A and dave@B a message with a
// unique word, a hashtag, a public pin and an uploaded image. The message
// never shows on a public or shared surface, on either server: not in
// outboxes, home feeds, search (web and API), tag pages, profile and
// board pages, or RSS; each surface is first shown to carry the public
// pin. The pin stays saveable from the message, on both servers. (That
// an Announce of a message is refused is TestFixtureActivities' case "A
// boost of a message is refused", in activitypub/process_fixtures_test.go,
// for a message received from elsewhere; announceRefused does it for
// one of A's own, over the wire.)
func TestMessagePrivacy(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testMessagePrivacy(t, kind) })
	}
}

// privacyWorld is the scenario's cast: on A alice (the sender), bob (a
// recipient who follows her) and carol (a follower who is not); on B dave
// (a recipient who follows alice) and erin (a follower who is not).
type privacyWorld struct {
	ctx                        context.Context
	a, b                       *servertest.Instance
	alice, bob, carol          *corkboard.Account
	dave, erin                 *corkboard.Account
	garden                     *corkboard.Board
	pin                        *corkboard.Pin // public, on alice's garden
	pinOnB                     *corkboard.Pin // B's copy
	sent                       *corkboard.Message
	sentIRI                    string
	forbiddenOnA, forbiddenOnB []string
}

func testMessagePrivacy(t *testing.T, kind string) {
	w := newPrivacyWorld(t, kind)
	w.send(t)
	bobSaved := w.saveFromThread(t, w.a, w.bob, w.pin.ID)
	daveSaved := w.saveFromThread(t, w.b, w.dave, w.pinOnB.ID)
	servertest.Eventually(t, scenarioWait, "dave's save (an Announce) to count on A", func() bool {
		p, err := w.a.Service().Pin(w.ctx, nil, w.pin.ID)
		return err == nil && p.SaveCount == 2
	})
	w.announceRefused(t)
	for _, c := range w.checksOnA(t, bobSaved) {
		c.run(t, w.forbiddenOnA)
	}
	for _, c := range w.checksOnB(t, daveSaved) {
		c.run(t, w.forbiddenOnB)
	}
	// A person on another server has no feed here, even one we know.
	if status, _ := privacyVisitor(t, w.a).get("/@dave@"+w.b.Host+"/feed.rss", ""); status != http.StatusNotFound {
		t.Errorf("A's feed of dave@B: status %d, want 404", status)
	}
}

func newPrivacyWorld(t *testing.T, kind string) *privacyWorld {
	t.Helper()
	n := servertest.NewNetwork(t)
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = scenarioDelivery }}
	w := &privacyWorld{ctx: context.Background(), a: n.Add("A", opts), b: n.Add("B", opts)}
	w.alice, w.bob, w.carol = w.a.CreateUser(t, "alice"), w.a.CreateUser(t, "bob"), w.a.CreateUser(t, "carol")
	w.dave, w.erin = w.b.CreateUser(t, "dave"), w.b.CreateUser(t, "erin")
	for _, fan := range []*corkboard.Account{w.bob, w.carol} {
		if _, err := w.a.Service().FollowAccount(w.ctx, fan, "alice"); err != nil {
			t.Fatal(err)
		}
	}
	for _, fan := range []*corkboard.Account{w.dave, w.erin} {
		fo, err := w.b.Service().FollowRemote(w.ctx, fan, w.a.Handle("alice"))
		if err != nil {
			t.Fatal(err)
		}
		servertest.Eventually(t, scenarioWait, fan.Username+"'s follow of alice to be accepted", func() bool {
			got, err := w.b.Server.Store().FindFollow(w.ctx, fan.ID, fo.TargetAccountID, 0)
			return err == nil && !got.Pending
		})
	}
	w.garden = w.a.CreateBoard(t, w.alice, "Garden")
	var err error
	w.pin, err = w.a.Service().CreatePin(w.ctx, w.alice, corkboard.PinInput{BoardID: w.garden.ID, Title: publicWord + " lantern",
		Description: publicWord + " lantern glow #" + privacyTag, Image: bytes.NewReader(servertest.GradientPNG(t, 300, 200))})
	if err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, scenarioWait, "alice's pin on B", func() bool {
		w.pinOnB = w.b.RemotePin(t, w.a.PinIRI(w.pin))
		return w.pinOnB != nil
	})
	return w
}

// send uploads an image and sends the message to bob and dave, then
// waits for B's copy and lists what must never show: the word, the
// message's IRI and the keys of its images, on each server.
func (w *privacyWorld) send(t *testing.T) {
	t.Helper()
	up, err := w.a.Service().UploadMedia(w.ctx, w.alice, bytes.NewReader(servertest.GradientPNG(t, 400, 300)), "a private photo")
	if err != nil {
		t.Fatal(err)
	}
	daveOnA, err := w.a.Server.Federation().ResolveAccount(w.ctx, w.b.Handle("dave"))
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprintf("Only for you: %s #%s", privateWord, privacyTag)
	w.sent, err = w.a.Service().SendMessage(w.ctx, w.alice, []int64{w.bob.ID, daveOnA.ID}, text,
		corkboard.MessageAttachment{PinID: w.pin.ID, MediaIDs: []int64{up.ID}})
	if err != nil {
		t.Fatal(err)
	}
	w.sentIRI = w.a.Service().MessageIRI(w.sent)
	onA, err := w.a.Server.Store().MessageByID(w.ctx, w.sent.ID)
	if err != nil || len(onA.Attachment.Images) != 1 || onA.Attachment.PinID != w.pin.ID {
		t.Fatalf("message on A = %+v, %v; want the pin and the image", onA, err)
	}
	var onB *corkboard.Message
	servertest.Eventually(t, scenarioWait, "the message on B", func() bool {
		onB, err = w.b.Server.Store().MessageByIRI(w.ctx, w.sentIRI)
		return err == nil
	})
	// B keeps the pin natively; whether it also stores the uploaded image
	// is not this test's concern: every image B holds for it is listed.
	if onB.Attachment.PinID != w.pinOnB.ID || !strings.Contains(onB.Text, privateWord) {
		t.Fatalf("message on B = %+v; want the text and B's copy of the pin", onB)
	}
	w.forbiddenOnA = []string{privateWord, w.sentIRI, onA.Attachment.Images[0].Key}
	w.forbiddenOnB = []string{privateWord, w.sentIRI, onA.Attachment.Images[0].Key}
	for _, im := range onB.Attachment.Images {
		w.forbiddenOnB = append(w.forbiddenOnB, im.Key)
	}
}

// saveFromThread: a recipient opens the conversation and saves the
// attached pin with the thread's own Save form; the saved pin is returned.
func (w *privacyWorld) saveFromThread(t *testing.T, in *servertest.Instance, who *corkboard.Account, pinID int64) *corkboard.Pin {
	t.Helper()
	board := in.CreateBoard(t, who, "Saved")
	// A request or a conversation, as the recipient's setting decides.
	convs, err := in.Service().Conversations(w.ctx, who, corkboard.MemberActive, 0, 10)
	if requests, rerr := in.Service().Conversations(w.ctx, who, corkboard.MemberRequest, 0, 10); err == nil {
		convs, err = append(convs, requests...), rerr
	}
	if err != nil || len(convs) != 1 {
		t.Fatalf("%s on %s: %d conversations, %v; want the message", who.Username, in.Name, len(convs), err)
	}
	c := privacySignedIn(t, in, who)
	thread := "/messages/" + id(convs[0].Conversation.ID)
	status, body := c.get(thread, "")
	action := fmt.Sprintf(`action="/pins/%d/save"`, pinID)
	if status != http.StatusOK || !strings.Contains(body, privateWord) || !strings.Contains(body, action) {
		t.Fatalf("%s on %s: thread %s (status %d) lacks the message or its pin's Save form (%s)\n%s", who.Username, in.Name, thread, status, action, body)
	}
	status, _ = c.postForm(fmt.Sprintf("/pins/%d/save", pinID), url.Values{"board_id": {id(board.ID)}, "return_to": {thread}})
	if status != http.StatusSeeOther {
		t.Fatalf("%s on %s: save from the thread: status %d", who.Username, in.Name, status)
	}
	page, err := in.Service().BoardPins(w.ctx, who, board.ID, 0, 10)
	if err != nil || len(page.Pins) != 1 || page.Pins[0].SavedFromID != pinID {
		t.Fatalf("%s on %s: saved board holds %d pins, %v; want the saved pin", who.Username, in.Name, len(page.Pins), err)
	}
	return page.Pins[0]
}

// announceRefused: dave@B sends A a signed Announce of alice's message.
// A accepts the delivery and refuses the share when it processes it; the
// Announce of the pin dave saved, just before, was taken.
func (w *privacyWorld) announceRefused(t *testing.T) {
	t.Helper()
	dave := w.b.URL + "/users/dave"
	id := dave + "#announce-of-a-message"
	body := []byte(fmt.Sprintf(`{"@context":"https://www.w3.org/ns/activitystreams","id":%q,"type":"Announce",`+
		`"actor":%q,"object":%q,"to":["https://www.w3.org/ns/activitystreams#Public"]}`, id, dave, w.sentIRI))
	k, err := w.b.Server.Store().KeyByID(w.ctx, dave+"#main-key")
	if err != nil {
		t.Fatal(err)
	}
	priv, err := signature.ParsePrivateKeyPEM(k.PrivateKeyPEM)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := signature.NewSigner(k.KeyID, priv, w.b.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, w.a.URL+"/users/alice/inbox", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/activity+json")
	if err := signer.Sign(req, body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("Announce of a message: status %d, want 202 (refused when processed)", resp.StatusCode)
	}
	var got servertest.Received
	servertest.Eventually(t, scenarioWait, "A to process the Announce of the message", func() bool {
		for _, r := range w.a.Inbox(t) {
			if r.IRI == id {
				got = r
			}
		}
		return got.LastError != "" || got.Processed
	})
	p, err := w.a.Service().Pin(w.ctx, nil, w.pin.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.LastError == "" || p.SaveCount != 2 {
		t.Errorf("Announce of a message: error %q, the pin's saves %d; want refused, and the 2 saves only", got.LastError, p.SaveCount)
	}
}
