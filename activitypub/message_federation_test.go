package activitypub_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestMessageRoundTrip: alice@A sends bob@B a message with a pin; B
// keeps it in one conversation with the pin rendered natively; bob's
// reply joins the same thread on A. Then the privacy of GET
// /messages/:id, and the shape of the Note that crossed the wire.
func TestMessageRoundTrip(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testMessageRoundTrip(t, kind) })
	}
}

func testMessageRoundTrip(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	alice, bob, carolB := a.CreateUser(t, "alice"), b.CreateUser(t, "bob"), b.CreateUser(t, "carol")
	bobOnA, err := a.Server.Federation().ResolveAccount(ctx, b.Handle("bob"))
	if err != nil {
		t.Fatal(err)
	}
	pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Ideas"), "a lamp")
	sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "look at this", corkboard.MessageAttachment{PinID: pin.ID})
	if err != nil {
		t.Fatal(err)
	}
	sentIRI := a.Service().MessageIRI(sent)

	// On B: one conversation for bob (a request: he does not follow
	// alice), the pin rendered natively from B's own copy.
	var got *corkboard.Message
	servertest.Eventually(t, 10*time.Second, "the message on B", func() bool {
		got, err = b.Server.Store().MessageByIRI(ctx, sentIRI)
		return err == nil
	})
	reqs, err := b.Service().Conversations(ctx, bob, corkboard.MemberRequest, 0, 10)
	if err != nil || len(reqs) != 1 || reqs[0].Conversation.ID != got.ConversationID {
		t.Fatalf("bob's requests = %+v, %v; want the one conversation", reqs, err)
	}
	ms, err := b.Service().Messages(ctx, bob, got.ConversationID, 0, 10)
	if err != nil || len(ms) != 1 || ms[0].Pin == nil || ms[0].Pin.IRI != a.PinIRI(pin) || ms[0].Pin.Image.Key == "" {
		t.Fatalf("bob's messages = %+v, %v; want the pin, stored on B", ms, err)
	}
	if ms[0].Text != "look at this" {
		t.Errorf("text on B = %q", ms[0].Text)
	}
	if vs, _ := b.Service().Conversations(ctx, carolB, corkboard.MemberRequest, 0, 10); len(vs) != 0 {
		t.Errorf("carol on B sees %d conversations", len(vs))
	}
	checkDeliveredNote(t, b, sentIRI, bobOnA.IRI, a.PinIRI(pin))

	// bob replies: on A, both messages in alice's one conversation,
	// chained by inReplyTo.
	reply, err := b.Service().Reply(ctx, bob, got.ConversationID, "lovely", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatal(err)
	}
	replyIRI := b.Service().MessageIRI(reply)
	var back *corkboard.Message
	servertest.Eventually(t, 10*time.Second, "the reply on A", func() bool {
		back, err = a.Server.Store().MessageByIRI(ctx, replyIRI)
		return err == nil
	})
	if back.ConversationID != sent.ConversationID || back.InReplyToIRI != sentIRI {
		t.Errorf("reply on A: conversation %d (want %d), inReplyTo %q (want %q)", back.ConversationID, sent.ConversationID, back.InReplyToIRI, sentIRI)
	}
	if ms, err := a.Service().Messages(ctx, alice, sent.ConversationID, 0, 10); err != nil || len(ms) != 2 {
		t.Errorf("alice's thread = %d messages, %v; want 2", len(ms), err)
	}

	// GET /messages/:id answers bob only.
	url := a.URL + "/messages/" + itoa(sent.ID)
	for _, c := range []struct {
		name   string
		signer string // "" unsigned
		want   int
	}{
		{"unsigned", "", http.StatusNotFound},
		{"a remote actor it does not address", b.URL + "/users/carol", http.StatusNotFound},
		{"the instance actor of another server", b.URL + "/actor", http.StatusNotFound},
		{"its remote recipient", b.URL + "/users/bob", http.StatusOK},
	} {
		if got := signedStatus(t, b, url, c.signer); got != c.want {
			t.Errorf("GET of a message, %s: %d, want %d", c.name, got, c.want)
		}
	}
	if got := signedStatus(t, b, a.URL+"/messages/999999", b.URL+"/users/bob"); got != http.StatusNotFound {
		t.Errorf("GET of a missing message: %d, want 404", got)
	}

	// alice deletes her message: blanked on B. bob blocks alice: A is
	// told. Every delivery went to a personal inbox.
	if err := a.Service().DeleteMessage(ctx, alice, sent.ID); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 10*time.Second, "the deletion on B", func() bool {
		m, err := b.Server.Store().MessageByIRI(ctx, sentIRI)
		return err == nil && !m.DeletedAt.IsZero()
	})
	if err := b.Service().BlockAccount(ctx, bob, got.SenderID); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 10*time.Second, "the Block on A", func() bool {
		for _, r := range a.Inbox(t) {
			if r.Type == "Block" && r.Processed {
				return true
			}
		}
		return false
	})
	for _, in := range []*servertest.Instance{a, b} {
		for _, d := range in.Deliveries(t) {
			if d.Inbox == a.URL+"/inbox" || d.Inbox == b.URL+"/inbox" {
				t.Errorf("%s delivered %s to a shared inbox", in.Name, d.ActivityType)
			}
		}
	}
}

// checkDeliveredNote asserts the shape of the Create(Note) B received.
func checkDeliveredNote(t *testing.T, b *servertest.Instance, noteIRI, recipient, pinIRI string) {
	t.Helper()
	for _, r := range b.Inbox(t) {
		if r.Type != "Create" || !r.Mentions(noteIRI) {
			continue
		}
		var doc struct {
			To, Cc []string
			Object struct {
				ID            string
				To, Cc        []string
				Tag           []struct{ Type, Href, Name string }
				Attachment    []struct{ Type, URL string }
				Context       string
				Conversation  string
				DirectMessage bool
				Pin           string
				Content       string
			}
		}
		if err := json.Unmarshal([]byte(r.Raw), &doc); err != nil {
			t.Fatal(err)
		}
		o := doc.Object
		if len(o.To) != 1 || o.To[0] != recipient || o.Cc == nil || len(o.Cc) != 0 || len(doc.Cc) != 0 {
			t.Errorf("addressing to=%v cc=%v (activity cc %v); want to=[%s] cc=[]", o.To, o.Cc, doc.Cc, recipient)
		}
		if len(o.Tag) != 1 || o.Tag[0].Type != "Mention" || o.Tag[0].Href != recipient {
			t.Errorf("tags = %+v; want a Mention of %s", o.Tag, recipient)
		}
		if !o.DirectMessage || o.Context == "" || o.Conversation != o.Context || o.Pin != pinIRI || len(o.Attachment) != 1 {
			t.Errorf("note = %+v; want directMessage, context = conversation, the pin and its image", o)
		}
		return
	}
	t.Errorf("B received no Create of %s", noteIRI)
}

// signedStatus GETs url, signed with the key of a local actor of in
// (fetching the actor first makes sure it has one); "" sends it unsigned.
func signedStatus(t *testing.T, in *servertest.Instance, url, signer string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", "application/activity+json")
	if signer != "" {
		warm, _ := http.NewRequest(http.MethodGet, signer, nil)
		warm.Header.Set("Accept", "application/activity+json")
		if resp, err := http.DefaultClient.Do(warm); err == nil {
			resp.Body.Close()
		}
		k, err := in.Server.Store().KeyByID(context.Background(), signer+"#main-key")
		if err != nil {
			t.Fatalf("key of %s: %v", signer, err)
		}
		priv, err := signature.ParsePrivateKeyPEM(k.PrivateKeyPEM)
		if err != nil {
			t.Fatal(err)
		}
		s, err := signature.NewSigner(k.KeyID, priv, in.Clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Sign(req, nil); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
