package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

// The message scenarios run complete instances (servertest) and look at
// them the way their people would: through the Service, the client API
// and the pages. These helpers name what they check.

// messageWait bounds each wait of the message scenarios. Without the race
// detector a message lands in well under a second; with it, on two busy
// cores, in up to about 5 s. Only a lost activity should reach this.
const messageWait = time.Minute

// messageNetwork starts one instance per name, with fast deliveries.
func messageNetwork(t *testing.T, kind string, names ...string) []*servertest.Instance {
	t.Helper()
	n := servertest.NewNetwork(t)
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = scenarioDelivery }}
	out := make([]*servertest.Instance, len(names))
	for i, name := range names {
		out[i] = n.Add(name, opts)
	}
	return out
}

// resolveOn returns in's copy of a person on another server, fetching it
// the first time.
func resolveOn(t *testing.T, in *servertest.Instance, handle string) *corkboard.Account {
	t.Helper()
	a, err := in.Server.Federation().ResolveAccount(context.Background(), handle)
	if err != nil {
		t.Fatalf("%s: resolve %s: %v", in.Name, handle, err)
	}
	return a
}

// personIRI is the actor id of one of in's people.
func personIRI(in *servertest.Instance, username string) string { return in.URL + "/users/" + username }

// messageArrives waits until in stores the message iri and returns it.
func messageArrives(t *testing.T, in *servertest.Instance, iri string) *corkboard.Message {
	t.Helper()
	var m *corkboard.Message
	servertest.Eventually(t, messageWait, in.Name+" to store the message "+iri, func() bool {
		var err error
		m, err = in.Server.Store().MessageByIRI(context.Background(), iri)
		return err == nil
	})
	return m
}

// storesMessage reports whether in keeps the message iri.
func storesMessage(t *testing.T, in *servertest.Instance, iri string) bool {
	t.Helper()
	_, err := in.Server.Store().MessageByIRI(context.Background(), iri)
	if err != nil && corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
		t.Fatalf("%s: message %s: %v", in.Name, iri, err)
	}
	return err == nil
}

// conversationsOf lists a person's conversations in every state a person
// can see (active and requests): a thread split in two shows up here.
func conversationsOf(t *testing.T, in *servertest.Instance, a *corkboard.Account) []*corkboard.ConversationView {
	t.Helper()
	var out []*corkboard.ConversationView
	for _, state := range []corkboard.MemberState{corkboard.MemberActive, corkboard.MemberRequest} {
		vs, err := in.Service().Conversations(context.Background(), a, state, 0, 50)
		if err != nil {
			t.Fatalf("%s: %s's %s conversations: %v", in.Name, a.Username, state, err)
		}
		out = append(out, vs...)
	}
	return out
}

// inboxProcessed waits until in has processed every activity it received
// (a refusal counts: it is marked processed with its reason; a transient
// failure is not, as a retry may still succeed), so that what it did not
// store it will not.
func inboxProcessed(t *testing.T, in *servertest.Instance) {
	t.Helper()
	servertest.Eventually(t, messageWait, in.Name+" to process its inbox", func() bool {
		for _, r := range in.Inbox(t) {
			if !r.Processed {
				return false
			}
		}
		return true
	})
}

// processedOn waits until in has processed an activity of type typ that
// names iri (the object of a Like, an Accept's Follow, ...).
func processedOn(t *testing.T, in *servertest.Instance, typ, iri string) {
	t.Helper()
	servertest.Eventually(t, messageWait, in.Name+" to process a "+typ+" of "+iri, func() bool {
		for _, r := range in.Inbox(t) {
			if r.Type == typ && r.Processed && r.Mentions(iri) {
				return true
			}
		}
		return false
	})
}

// receivedNote is the part of a received Create(Note) of a message that
// the addressing rules are about.
type receivedNote struct {
	To, Cc []string
	Object struct {
		ID      string
		To, Cc  []string
		Tag     []struct{ Type, Href string }
		Context string
	}
}

// createsOf lists the Create activities of the message iri that in received.
func createsOf(t *testing.T, in *servertest.Instance, iri string) []receivedNote {
	t.Helper()
	var out []receivedNote
	for _, r := range in.Inbox(t) {
		if r.Type != "Create" || !r.Mentions(iri) {
			continue
		}
		var n receivedNote
		if err := json.Unmarshal([]byte(r.Raw), &n); err != nil {
			t.Fatalf("%s: Create of %s: %v", in.Name, iri, err)
		}
		if n.Object.ID == iri { // not a reply, which names iri too
			out = append(out, n)
		}
	}
	return out
}

// checkAddressing asserts that a received Create(Note) of a message is
// addressed to exactly the participants but its sender: to = them, cc
// empty (on the activity and the Note), a Mention of each.
func checkAddressing(t *testing.T, where string, n receivedNote, others []string) {
	t.Helper()
	var mentioned []string
	for _, tag := range n.Object.Tag {
		if tag.Type == "Mention" {
			mentioned = append(mentioned, tag.Href)
		}
	}
	want := slices.Sorted(slices.Values(others))
	for _, got := range []struct {
		what string
		iris []string
	}{{"activity to", n.To}, {"note to", n.Object.To}, {"mentions", mentioned}} {
		if !slices.Equal(slices.Sorted(slices.Values(got.iris)), want) {
			t.Errorf("%s: %s = %v, want %v", where, got.what, got.iris, want)
		}
	}
	if len(n.Cc) != 0 || len(n.Object.Cc) != 0 {
		t.Errorf("%s: cc = %v, note cc = %v; want both empty", where, n.Cc, n.Object.Cc)
	}
}

// apiList GETs a client API list as the holder of token.
func apiList(t *testing.T, in *servertest.Instance, path, token string) []map[string]any {
	t.Helper()
	status, body := apiCall(t, in, http.MethodGet, path, token)
	if status != http.StatusOK {
		t.Fatalf("%s: GET %s: %d\n%s", in.Name, path, status, body)
	}
	var out []map[string]any
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("%s: GET %s is not a JSON list: %v\n%s", in.Name, path, err, body)
	}
	return out
}

// apiCall sends a client API request with a bearer token.
func apiCall(t *testing.T, in *servertest.Instance, method, path, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, in.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %s %s: %v", in.Name, method, path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// tokenFor issues a client API token for one of in's people.
func tokenFor(t *testing.T, in *servertest.Instance, a *corkboard.Account) string {
	t.Helper()
	tok, err := in.Service().IssueToken(context.Background(), a, "")
	if err != nil {
		t.Fatalf("%s: token for %s: %v", in.Name, a.Username, err)
	}
	return tok
}

// entityIDs lists the "id" fields of API entities.
func entityIDs(list []map[string]any) []string {
	out := make([]string, 0, len(list))
	for _, m := range list {
		id, _ := m["id"].(string)
		out = append(out, id)
	}
	return out
}
