package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// remoteWait bounds each wait for a federated effect; on loopback with
// short retries one lands in well under a second.
const remoteWait = 20 * time.Second

// remoteDelivery polls and retries quickly, so that the tests wait for
// activities, not for River's default one-second poll.
var remoteDelivery = activitypub.DeliveryOptions{
	RetryBase: 50 * time.Millisecond, RetryCap: 500 * time.Millisecond, PollInterval: 50 * time.Millisecond,
}

// remotePair is two complete instances: people on A follow bob on B,
// who has two boards, tarts and recipes.
type remotePair struct {
	ctx            context.Context
	a, b           *servertest.Instance
	bob            *corkboard.Account
	tarts, recipes *corkboard.Board
}

func newRemotePair(t *testing.T, kind string) *remotePair {
	t.Helper()
	n := servertest.NewNetwork(t)
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = remoteDelivery }}
	p := &remotePair{ctx: context.Background(), a: n.Add("A", opts), b: n.Add("B", opts)}
	p.bob = p.b.CreateUser(t, "bob")
	var err error
	if p.tarts, err = p.b.Service().CreateBoard(p.ctx, p.bob, corkboard.BoardInput{Title: "Tarts"}); err != nil {
		t.Fatal(err)
	}
	if p.recipes, err = p.b.Service().CreateBoard(p.ctx, p.bob, corkboard.BoardInput{Title: "Recipes"}); err != nil {
		t.Fatal(err)
	}
	return p
}

// eachRemoteKind runs fn on a fresh pair per database kind.
func eachRemoteKind(t *testing.T, fn func(t *testing.T, p *remotePair)) {
	t.Helper()
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { fn(t, newRemotePair(t, kind)) })
	}
}

// bobPins has bob pin a fresh picture on one of his boards, and returns
// the pin's ActivityPub id.
func (p *remotePair) bobPins(t *testing.T, board *corkboard.Board, title string) string {
	t.Helper()
	pin, err := p.b.Service().CreatePin(p.ctx, p.bob, corkboard.PinInput{BoardID: board.ID, Title: title,
		AltText: title, Image: bytes.NewReader(testPNG(300, 200))})
	if err != nil {
		t.Fatalf("bob pins %q: %v", title, err)
	}
	return p.b.Service().PinIRI(pin)
}

// arrivedAt waits until in holds its copy of a remote pin.
func arrivedAt(t *testing.T, in *servertest.Instance, iri string) *corkboard.Pin {
	t.Helper()
	var pin *corkboard.Pin
	servertest.Eventually(t, remoteWait, in.Name+" to receive "+iri, func() bool {
		pin = remotePinAt(t, in, iri)
		return pin != nil
	})
	return pin
}

// remotePinAt is in's copy of a remote pin, or nil.
func remotePinAt(t *testing.T, in *servertest.Instance, iri string) *corkboard.Pin {
	t.Helper()
	pin, err := in.Server.Store().PinByIRI(context.Background(), iri)
	if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	return pin
}

// bobFollowers is how many follow bob, as his own server counts them.
func (p *remotePair) bobFollowers(t *testing.T) int64 {
	t.Helper()
	n, _, err := p.b.Service().FollowCounts(p.ctx, p.bob.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// visitorAt is a browser for one instance of a network, signed out.
func visitorAt(t *testing.T, in *servertest.Instance) *webBrowser {
	// webBrowser only needs a test and a base URL from its environment.
	return (&webEnv{t: t, ts: &httptest.Server{URL: in.URL}}).browser()
}

// browserAt is a browser signed in as a new person on the instance
// (servertest's password rule).
func browserAt(t *testing.T, in *servertest.Instance, username string) *webBrowser {
	t.Helper()
	in.CreateUser(t, username)
	b := visitorAt(t, in)
	if r := b.post("/login", url.Values{"username": {username}, "password": {"password-" + username}}); r.status != http.StatusSeeOther {
		t.Fatalf("sign in as %s on %s: %d\n%s", username, in.Name, r.status, r.body)
	}
	return b
}

// imageSources are the addresses a page makes the browser load images
// from: every src and every srcset candidate.
func imageSources(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\s(src|srcset)="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if m[1] == "src" {
			out = append(out, m[2])
			continue
		}
		for _, cand := range strings.Split(m[2], ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	return out
}

// apiAt calls an instance's client API with a token ("" for none) and
// decodes the JSON answer into out (if not nil).
func apiAt(t *testing.T, in *servertest.Instance, method, path, token string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, in.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, body)
		}
	}
	return resp.StatusCode
}

// tokenAt makes a person on an instance and an access token for them.
func tokenAt(t *testing.T, in *servertest.Instance, username string) (*corkboard.Account, string) {
	t.Helper()
	a := in.CreateUser(t, username)
	tok, err := in.Service().IssueToken(context.Background(), a, corkboard.DefaultScopes)
	if err != nil {
		t.Fatal(err)
	}
	return a, tok
}
