package activitypub_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// pixelfedStub is a remote server that says (NodeInfo) it runs Pixelfed.
// It checks the signature of every delivery to its people's inboxes
// against the key the sender publishes, and keeps the verified ones.
type pixelfedStub struct {
	*remoteStub
	verifier *signature.Verifier
	mu       sync.Mutex
	got      []verifiedPost
}

// verifiedPost is a delivery whose signature verified.
type verifiedPost struct {
	Inbox, Signer string
	Body          []byte
}

func newPixelfedStub(t *testing.T, ip string) *pixelfedStub {
	p := &pixelfedStub{remoteStub: newRemoteStub(t, ip), verifier: signature.NewVerifier(nil, signature.VerifierOptions{})}
	serveNodeInfo(p.remoteStub, map[string][]byte{
		"/.well-known/nodeinfo":  nodeInfoFixture(t, p.remoteStub, "pixelfed-wellknown.json"),
		"/api/nodeinfo/2.0.json": nodeInfoFixture(t, p.remoteStub, "pixelfed-2.0.json"),
	})
	return p
}

// user registers a person whose inbox verifies and keeps deliveries.
func (p *pixelfedStub) user(name string) string {
	iri := p.person(name, name)
	p.handle("/users/"+name+"/inbox", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		res, err := p.verifier.Verify(r, body, &peer{})
		var a struct{ Actor string }
		_ = json.Unmarshal(body, &a)
		if err != nil || res.Owner != a.Actor {
			p.t.Errorf("delivery to %s: bad signature: %v (signer %v, actor %s)", name, err, res, a.Actor)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		p.mu.Lock()
		p.got = append(p.got, verifiedPost{Inbox: r.URL.Path, Signer: res.Owner, Body: body})
		p.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	})
	return iri
}

// deliveredNote is the part of a received Create or Delete the test reads.
type deliveredNote struct {
	ID, Type, Actor string
	To              []string
	Object          struct {
		ID, Type, Content, Context, InReplyTo string
		To, Cc                                []string
		Tag                                   []struct{ Type, Href string }
		Attachment                            []struct{ Type, MediaType, URL string }
		DirectMessage                         bool
	}
}

// find returns the verified deliveries to inbox of the given type.
func (p *pixelfedStub) find(t *testing.T, inbox, typ string) []deliveredNote {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []deliveredNote
	for _, g := range p.got {
		var d deliveredNote
		if err := json.Unmarshal(g.Body, &d); err != nil {
			t.Fatal(err)
		}
		if g.Inbox == inbox && d.Type == typ {
			out = append(out, d)
		}
	}
	return out
}

// TestGroupMessageToPixelfed: alice@A writes to bob@B (Corkboard) and to
// paul and pia, both on one Pixelfed server. B gets the group Note; paul
// and pia each get a signed one-recipient Note with an id of its own, which
// only its recipient may GET. paul's reply to his copy joins alice's
// conversation; deleting the message deletes each copy.
func TestGroupMessageToPixelfed(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testGroupMessageToPixelfed(t, kind) })
	}
}

func testGroupMessageToPixelfed(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	pf := newPixelfedStub(t, "127.0.0.230")
	alice, aliceIRI := a.CreateUser(t, "alice"), a.URL+"/users/alice"
	b.CreateUser(t, "bob")
	paulIRI, piaIRI := pf.user("paul"), pf.user("pia")
	fed := a.Server.Federation()
	var people []*corkboard.Account
	for _, h := range []string{b.Handle("bob"), "@paul@" + pf.Host, "@pia@" + pf.Host} {
		acct, err := fed.ResolveAccount(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, acct)
	}
	bobOnA, paul, pia := people[0], people[1], people[2]
	if s, err := a.Server.Store().HostSoftware(ctx, pf.Host); err != nil || !s.IsPixelfed() {
		t.Fatalf("software of the Pixelfed host = %+v, %v", s, err)
	}

	pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Ideas"), "a lamp")
	first, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID, paul.ID, pia.ID}, "hello all", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := a.Service().Reply(ctx, alice, first.ConversationID, "look at this", corkboard.MessageAttachment{PinID: pin.ID})
	if err != nil {
		t.Fatal(err)
	}
	sentIRI := a.Service().MessageIRI(sent)
	copyOf := func(acct *corkboard.Account) string { return sentIRI + "/copies/" + itoa(acct.ID) }

	// B receives the group Note, addressed to everyone (and keeps the
	// message: a Delete processed before its Create would find nothing).
	var group deliveredNote
	servertest.Eventually(t, 10*time.Second, "the group Note on B", func() bool {
		if _, err := b.Server.Store().MessageByIRI(ctx, sentIRI); err != nil {
			return false
		}
		for _, r := range b.Inbox(t) {
			if r.Type == "Create" && r.Mentions(sentIRI) {
				return json.Unmarshal([]byte(r.Raw), &group) == nil
			}
		}
		return false
	})
	if o := group.Object; o.ID != sentIRI || len(o.To) != 3 || len(o.Tag) != 3 || o.InReplyTo == "" || len(o.Attachment) != 1 {
		t.Errorf("group Note on B = %+v; want id %s, to and Mentions of all three, inReplyTo, the pin's image", o, sentIRI)
	}

	// paul and pia each receive their own copy, signed by alice.
	for _, c := range []struct {
		who *corkboard.Account
		iri string
	}{{paul, paulIRI}, {pia, piaIRI}} {
		inbox := "/users/" + c.who.Username + "/inbox"
		var d deliveredNote // the copy of the second message: with inReplyTo and the pin
		servertest.Eventually(t, 10*time.Second, "the copies at "+inbox, func() bool {
			creates := pf.find(t, inbox, "Create")
			for _, cr := range creates {
				if cr.Object.ID == copyOf(c.who) {
					d = cr
				}
			}
			return len(creates) == 2 && d.ID != ""
		})
		if d.ID != copyOf(c.who)+"#create" || d.Actor != aliceIRI {
			t.Errorf("copy for %s: activity %s, note %s by %s; want note %s", c.iri, d.ID, d.Object.ID, d.Actor, copyOf(c.who))
		}
		o := d.Object
		if len(o.To) != 1 || o.To[0] != c.iri || o.Cc == nil || len(o.Cc) != 0 || len(d.To) != 1 || d.To[0] != c.iri {
			t.Errorf("copy for %s addressed to=%v cc=%v (activity to %v); want to=[it] cc=[] (Pixelfed's test for a DM)", c.iri, o.To, o.Cc, d.To)
		}
		if len(o.Tag) != 1 || o.Tag[0].Type != "Mention" || o.Tag[0].Href != c.iri {
			t.Errorf("copy for %s tags = %+v; want one Mention of it", c.iri, o.Tag)
		}
		if o.Content != group.Object.Content || o.Context != group.Object.Context || o.InReplyTo != group.Object.InReplyTo || !o.DirectMessage {
			t.Errorf("copy for %s = %+v; want the group Note's content, context and inReplyTo", c.iri, o)
		}
		if len(o.Attachment) != 1 || o.Attachment[0].Type != "Image" || o.Attachment[0].URL != group.Object.Attachment[0].URL {
			t.Errorf("copy for %s attachments = %+v; want the one Image (never a Link: Pixelfed drops those)", c.iri, o.Attachment)
		}
	}
	for _, r := range b.Inbox(t) {
		if r.Mentions(copyOf(paul)) || r.Mentions(copyOf(pia)) {
			t.Errorf("B received a copy meant for Pixelfed: %s", r.IRI)
		}
	}
	servertest.Eventually(t, 10*time.Second, "B's software recorded after delivering to it", func() bool {
		s, err := a.Server.Store().HostSoftware(ctx, b.Host)
		return err == nil && s.Name == "corkboard"
	})

	// GET of a copy: its recipient only.
	for _, c := range []struct {
		name        string
		url, signer string // signer "" sends it unsigned
		want        int
	}{
		{"its recipient", copyOf(paul), paulIRI, http.StatusOK},
		{"unsigned", copyOf(paul), "", http.StatusNotFound},
		{"another recipient on the same server", copyOf(paul), piaIRI, http.StatusNotFound},
		{"the recipient, of another's copy", copyOf(pia), paulIRI, http.StatusNotFound},
		{"the recipient, of a copy of a missing message", a.URL + "/messages/999999/copies/" + itoa(paul.ID), paulIRI, http.StatusNotFound},
	} {
		status, body := stubGet(t, pf.remoteStub, c.url, c.signer)
		if status != c.want {
			t.Errorf("GET of a copy, %s: %d, want %d", c.name, status, c.want)
		}
		var doc struct {
			ID string
			To []string
		}
		if status == http.StatusOK && (json.Unmarshal(body, &doc) != nil || doc.ID != c.url || len(doc.To) != 1 || doc.To[0] != c.signer) {
			t.Errorf("GET of a copy, %s: %s; want the copy, to its recipient only", c.name, body)
		}
	}
	if got := signedStatus(t, b, copyOf(paul), b.URL+"/users/bob"); got != http.StatusNotFound {
		t.Errorf("GET of paul's copy signed by bob (a participant): %d, want 404", got)
	}

	// paul answers his copy, the way Pixelfed sends a direct message.
	replyID := pf.URL + "/p/paul/700000000000000001"
	reply := pixelfedReply(t, paulIRI, aliceIRI, "@alice@"+a.Host, replyID, copyOf(paul))
	status, err := send(pf.signedPost(a.URL+"/users/alice/inbox", paulIRI+"#main-key", reply, time.Now()))
	if err != nil || status != http.StatusAccepted {
		t.Fatalf("paul's reply: %d, %v", status, err)
	}
	var back *corkboard.Message
	servertest.Eventually(t, 10*time.Second, "paul's reply on A", func() bool {
		back, err = a.Server.Store().MessageByIRI(ctx, replyID)
		return err == nil
	})
	if back.ConversationID != sent.ConversationID || back.InReplyToIRI != copyOf(paul) {
		t.Errorf("paul's reply in conversation %d (inReplyTo %q); want alice's group conversation %d", back.ConversationID, back.InReplyToIRI, sent.ConversationID)
	}

	// One-to-one, paul gets the message itself: it is already what
	// Pixelfed understands.
	alone, err := a.Service().SendMessage(ctx, alice, []int64{paul.ID}, "just you", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 10*time.Second, "the one-to-one message at paul's inbox", func() bool {
		for _, d := range pf.find(t, "/users/paul/inbox", "Create") {
			if d.Object.ID == a.Service().MessageIRI(alone) {
				return true
			}
		}
		return false
	})

	// alice deletes her message: each copy is deleted by its own id.
	if err := a.Service().DeleteMessage(ctx, alice, sent.ID); err != nil {
		t.Fatal(err)
	}
	for _, who := range []*corkboard.Account{paul, pia} {
		inbox := "/users/" + who.Username + "/inbox"
		var deletes []deliveredNote
		servertest.Eventually(t, 10*time.Second, "the Delete at "+inbox, func() bool {
			deletes = pf.find(t, inbox, "Delete")
			return len(deletes) == 1
		})
		if d := deletes[0]; d.Object.ID != copyOf(who) || d.Object.Type != "Tombstone" || len(d.To) != 1 || d.To[0] != who.IRI {
			t.Errorf("Delete at %s = %+v; want a Tombstone of %s, to it only", inbox, d, copyOf(who))
		}
	}
	servertest.Eventually(t, 10*time.Second, "the deletion on B", func() bool {
		m, err := b.Server.Store().MessageByIRI(ctx, sentIRI)
		return err == nil && !m.DeletedAt.IsZero()
	})
	if status, _ := stubGet(t, pf.remoteStub, copyOf(paul), paulIRI); status != http.StatusNotFound {
		t.Errorf("GET of a deleted message's copy by its recipient: %d, want 404", status)
	}
}

// pixelfedReply is a direct message as Pixelfed sends one, from the
// captured Pixelfed Create: to the one recipient, cc empty, tag a single
// Mention object, attachment empty.
func pixelfedReply(t *testing.T, from, to, toHandle, id, inReplyTo string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pixelfed", "create-note-reply-mention.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	o := doc["object"].(map[string]any)
	doc["id"], doc["actor"], doc["to"], doc["cc"] = id+"/activity", from, []string{to}, []string{}
	o["id"], o["url"], o["attributedTo"], o["to"], o["cc"] = id, id, from, []string{to}, []string{}
	o["inReplyTo"], o["content"] = inReplyTo, "Thank you!"
	o["tag"] = map[string]any{"type": "Mention", "href": to, "name": toHandle}
	return mustJSON(t, doc)
}

// stubGet GETs url as ActivityPub, signed as signer (an actor of s) or
// unsigned when signer is "".
func stubGet(t *testing.T, s *remoteStub, url, signer string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", "application/activity+json")
	if signer != "" {
		sg, err := signature.NewSigner(signer+"#main-key", s.key, time.Now)
		if err != nil {
			t.Fatal(err)
		}
		if err := sg.Sign(req, nil); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}
