package activitypub_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestReportFederation: bob@B reports two of alice@A's messages. Without
// forwarding nothing leaves B; with it, A receives a Flag signed by B's
// instance actor (bob is not named), files a report on alice naming the
// message with its text as evidence, and shows it on A's admin page only.
// A Flag naming a message B never received files none of it.
func TestReportFederation(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testReportFederation(t, kind) })
	}
}

func testReportFederation(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	alice, dave, bob := a.CreateUser(t, "alice"), a.CreateUser(t, "dave"), b.CreateUser(t, "bob")
	rootA, err := a.Service().CreateAccount(ctx, corkboard.NewAccount{Username: "root", Password: "password-root", IsAdmin: true, Approved: true})
	if err != nil {
		t.Fatal(err)
	}
	bobOnA, err := a.Server.Federation().ResolveAccount(ctx, b.Handle("bob"))
	if err != nil {
		t.Fatal(err)
	}
	var onB []*corkboard.Message
	for _, text := range []string{"first insult", "second <insult>"} {
		sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, text, corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		var got *corkboard.Message
		servertest.Eventually(t, 10*time.Second, "the message on B", func() bool {
			got, err = b.Server.Store().MessageByIRI(ctx, a.Service().MessageIRI(sent))
			return err == nil
		})
		onB = append(onB, got)
	}
	private, err := a.Service().SendMessage(ctx, alice, []int64{dave.ID}, "a secret between us", corkboard.MessageAttachment{})
	if err != nil {
		t.Fatal(err)
	}

	// Not forwarded: stored on B, no Flag queued (it would be queued in
	// the report's own transaction).
	kept, err := b.Service().ReportMessage(ctx, bob, corkboard.ReportInput{MessageID: onB[0].ID, Comment: "keep it here"})
	if err != nil || kept.Forwarded {
		t.Fatalf("report without forwarding: %+v, %v", kept, err)
	}
	if flags := deliveriesOf(t, b, "Flag"); len(flags) != 0 {
		t.Fatalf("a report not to forward queued %d Flags", len(flags))
	}

	// Forwarded, from B's web form, where "send to their server" is
	// checked by default for a remote sender.
	bobOnWeb := signIn(t, b, "bob", "password-bob")
	form := "/messages/" + itoa(onB[1].ConversationID) + "/messages/" + itoa(onB[1].ID) + "/report"
	if status, page := bobOnWeb.get(form); status != http.StatusOK || !strings.Contains(page, `name="forward" value="1" checked`) {
		t.Fatalf("report form on B: status %d, forward checked: %v", status, strings.Contains(page, `name="forward" value="1" checked`))
	}
	if status, _ := bobOnWeb.post(form, url.Values{"comment": {"please look"}, "forward": {"1"}}); status != http.StatusSeeOther {
		t.Fatalf("report from B's web form: status %d", status)
	}
	flags := deliveriesOf(t, b, "Flag")
	if len(flags) != 1 || flags[0].Inbox != alicesInbox(t, b, a) || !strings.HasPrefix(flags[0].ActivityID, b.URL+"/reports/") {
		t.Fatalf("Flag deliveries = %+v", flags)
	}
	var flag servertest.Received
	servertest.Eventually(t, 10*time.Second, "the Flag on A", func() bool {
		for _, r := range a.Inbox(t) {
			if r.Type == "Flag" && r.Processed {
				flag = r
				return true
			}
		}
		return false
	})
	msgIRI := onB[1].IRI
	var shape struct {
		Type, Actor, Content string
		Object, To           []string
	}
	if err := json.Unmarshal([]byte(flag.Raw), &shape); err != nil {
		t.Fatal(err)
	}
	aliceIRI := a.URL + "/users/alice"
	if shape.Type != "Flag" || shape.Actor != b.URL+"/actor" || shape.Content != "please look" ||
		len(shape.Object) != 2 || shape.Object[0] != aliceIRI || shape.Object[1] != msgIRI ||
		len(shape.To) != 1 || shape.To[0] != aliceIRI || flag.Mentions(b.URL+"/users/bob") {
		t.Errorf("Flag received on A: %s", flag.Raw)
	}
	reports, err := a.Service().Reports(ctx, rootA, 10)
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports on A = %d, %v; want 1", len(reports), err)
	}
	r := reports[0]
	if r.Local || r.TargetAccountID != alice.ID || r.ReporterIRI != b.URL+"/actor" || r.Comment != "please look" ||
		r.Evidence != "second <insult>" || !contains(r.ObjectIRIs, msgIRI) {
		t.Errorf("report on A = %+v", r)
	}
	status, page := signIn(t, a, "root", "password-root").get("/admin")
	if status != http.StatusOK {
		t.Fatalf("A's admin page: status %d", status)
	}
	for _, want := range []string{"From another server", "second &lt;insult&gt;", "please look", "@alice"} {
		if !strings.Contains(page, want) {
			t.Errorf("A's admin page lacks %q", want)
		}
	}
	if status, page := signIn(t, a, "dave", "password-dave").get("/admin"); status != http.StatusForbidden && status != http.StatusNotFound || strings.Contains(page, "insult") {
		t.Errorf("a non-admin on A opens the admin page: status %d", status)
	}

	// B's instance actor names a message B never received: the report
	// keeps neither its IRI nor its text.
	probe := map[string]any{"@context": "https://www.w3.org/ns/activitystreams", "id": b.URL + "/reports/probe", "type": "Flag",
		"actor": b.URL + "/actor", "object": []string{a.URL + "/users/alice", a.Service().MessageIRI(private)}, "content": "what is this?"}
	postSigned(t, b, a.URL+"/inbox", b.URL+"/actor", probe)
	servertest.Eventually(t, 10*time.Second, "the probing Flag on A", func() bool {
		for _, r := range a.Inbox(t) {
			if r.IRI == b.URL+"/reports/probe" && r.Processed {
				return true
			}
		}
		return false
	})
	reports, _ = a.Service().Reports(ctx, rootA, 10)
	for _, r := range reports {
		if contains(r.ObjectIRIs, a.Service().MessageIRI(private)) || strings.Contains(r.Evidence, "secret") {
			t.Errorf("a Flag of a message its server never had was filed with it: %+v", r)
		}
	}
}

func deliveriesOf(t *testing.T, in *servertest.Instance, typ string) []servertest.Delivery {
	t.Helper()
	var out []servertest.Delivery
	for _, d := range in.Deliveries(t) {
		if d.ActivityType == typ {
			out = append(out, d)
		}
	}
	return out
}

// alicesInbox is the inbox B knows for alice@A.
func alicesInbox(t *testing.T, b, a *servertest.Instance) string {
	t.Helper()
	acct, err := b.Server.Federation().ResolveAccount(context.Background(), a.Handle("alice"))
	if err != nil {
		t.Fatal(err)
	}
	return acct.InboxURL
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// postSigned delivers an activity to target signed with the key of
// signer, one of in's actors.
func postSigned(t *testing.T, in *servertest.Instance, target, signer string, doc any) {
	t.Helper()
	body, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
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
	req, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/activity+json")
	if err := s.Sign(req, body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST %s: status %d", target, resp.StatusCode)
	}
}

// webSession is a browser signed in to one instance's web pages.
type webSession struct {
	t      *testing.T
	client *http.Client
	base   string
	csrf   string
}

// signIn signs in to in's web pages; redirects are not followed, so a
// page that sends a stranger to the login form shows as a 303.
func signIn(t *testing.T, in *servertest.Instance, username, password string) *webSession {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	s := &webSession{t: t, base: in.URL, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	s.get("/login")
	u, _ := url.Parse(in.URL)
	for _, ck := range jar.Cookies(u) {
		if ck.Name == "corkboard_csrf" {
			s.csrf = ck.Value
		}
	}
	if status, _ := s.post("/login", url.Values{"username": {username}, "password": {password}}); status != http.StatusSeeOther {
		t.Fatalf("sign in as %s on %s: status %d", username, in.Name, status)
	}
	return s
}

func (s *webSession) get(path string) (int, string) {
	s.t.Helper()
	resp, err := s.client.Get(s.base + path)
	return s.read(resp, err)
}

func (s *webSession) post(path string, form url.Values) (int, string) {
	s.t.Helper()
	form.Set("_csrf", s.csrf)
	resp, err := s.client.PostForm(s.base+path, form)
	return s.read(resp, err)
}

func (s *webSession) read(resp *http.Response, err error) (int, string) {
	s.t.Helper()
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
