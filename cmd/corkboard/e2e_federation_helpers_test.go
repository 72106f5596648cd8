package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage"
)

// The federation end-to-end tests run two real binaries on two loopback
// addresses (two hosts, as two servers would be): S, the sender, on
// 127.0.0.1 and R, the receiver, on 127.0.0.5.

// fedNode is one running binary with one user and a handle on its
// database, to look at what crossed the wire (not only at its effects).
type fedNode struct {
	name string
	in   instance
	srv  *serverProcess
	user string
	api  *apiCaller
	db   *storage.DB
}

// Delivery settings that make an outage cost seconds: retries after 1 s,
// 2 s, 4 s ...; an attempt gives up after 2 s, and one a killed process
// left running is retried 4 s after it began (once the restarted process
// has taken over River's maintenance: up to about 15 s on PostgreSQL,
// where the dead process's leadership must expire first).
var fastDeliverySettings = []string{"CORKBOARD_DELIVERY_RETRY_BASE=1s", "CORKBOARD_DELIVERY_TIMEOUT=2s"}

// startFedNode starts a fresh installation of kind on host, allowed to
// reach the other loopback addresses, with one user.
func startFedNode(t *testing.T, name, kind, host, user string) *fedNode {
	t.Helper()
	addr := net.JoinHostPort(host, freePortOn(t, host))
	in := instance{URL: "http://" + addr, Env: append([]string{
		"CORKBOARD_LISTEN=" + addr,
		"CORKBOARD_BASE_URL=http://" + addr,
		"CORKBOARD_DATA_DIR=" + t.TempDir(),
		"CORKBOARD_ALLOW_PRIVATE_ADDRESSES=127.0.0.0/8",
	}, fastDeliverySettings...)}
	if kind == "postgres" {
		in.Env = append(in.Env, "CORKBOARD_DATABASE_URL="+newDatabase(t))
	}
	n := &fedNode{name: name, in: in, user: user, srv: startServer(t, in)}
	createUser(t, in, user, alicePassword)
	n.api = &apiCaller{t: t, base: in.URL, http: &http.Client{Timeout: 30 * time.Second},
		token: lastLine(runCLI(t, in, "admin", "token", "--username", user))}
	db, err := storage.Open(context.Background(), storage.Config{
		URL: in.setting("CORKBOARD_DATABASE_URL"), DataDir: in.setting("CORKBOARD_DATA_DIR")})
	if err != nil {
		t.Fatalf("%s: open its database: %v", name, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	n.db = db
	return n
}

// host is the node's host:port, as in handles.
func (n *fedNode) host() string { return strings.TrimPrefix(n.in.URL, "http://") }

// actor is the IRI of the node's user.
func (n *fedNode) actor() string { return n.in.URL + "/users/" + n.user }

// restart starts the binary again on the same data and address.
func (n *fedNode) restart(t *testing.T) { t.Helper(); n.srv = startServer(t, n.in) }

// signal sends sig to the running binary.
func (n *fedNode) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := n.srv.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("%s: %v: %v", n.name, sig, err)
	}
}

// kill ends the binary with SIGKILL, as a crash or the OOM killer would:
// no shutdown, no job left in a clean state.
func (n *fedNode) kill(t *testing.T) {
	t.Helper()
	n.signal(t, syscall.SIGKILL)
	select {
	case <-n.srv.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not die within 10 s of SIGKILL", n.name)
	}
}

// follow has the node's user follow a remote person the way a Mastodon
// client does: resolve the handle by search, follow the account found,
// then wait until the other server has accepted.
func (n *fedNode) follow(t *testing.T, handle string, deadline time.Time) {
	t.Helper()
	status, body := apiRaw(t, n.api, http.MethodGet, "/api/v2/search?type=accounts&resolve=true&q="+url.QueryEscape(handle), "", nil)
	var found struct {
		Accounts []struct{ ID, Acct string } `json:"accounts"`
	}
	if err := json.Unmarshal(body, &found); status != http.StatusOK || err != nil || len(found.Accounts) != 1 {
		t.Fatalf("%s: search for %s = %d (%v): %s", n.name, handle, status, err, body)
	}
	id := found.Accounts[0].ID
	if status, body := apiRaw(t, n.api, http.MethodPost, "/api/v1/accounts/"+id+"/follow", "", nil); status != http.StatusOK {
		t.Fatalf("%s: follow %s = %d: %s", n.name, handle, status, body)
	}
	waitFor(t, deadline, n.name+": the follow of "+handle+" to be accepted", func() (bool, string) {
		status, body := apiRaw(t, n.api, http.MethodGet, "/api/v1/accounts/relationships?id[]="+id, "", nil)
		var rel []struct{ Following, Requested bool }
		_ = json.Unmarshal(body, &rel)
		return status == http.StatusOK && len(rel) == 1 && rel[0].Following, fmt.Sprintf("%d %s", status, body)
	})
}

// pin uploads a pin to board through the API and returns its IRI.
func (n *fedNode) pin(t *testing.T, board string) string {
	t.Helper()
	status, p := n.api.uploadPin(board, interopPNG(t))
	uri, _ := p["uri"].(string)
	if status != http.StatusOK || uri == "" {
		t.Fatalf("%s: POST /api/v1/pins = %d: %v", n.name, status, p)
	}
	return uri
}

// count runs a SELECT count(...) query on the node's database.
func (n *fedNode) count(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var c int64
	if err := n.db.Gorm().Raw(query, args...).Scan(&c).Error; err != nil {
		t.Fatalf("%s: %s: %v", n.name, query, err)
	}
	return c
}

// receivedPins counts the node's copies of pins from origin, and how
// many distinct ids they have.
func (n *fedNode) receivedPins(t *testing.T, origin *fedNode) (copies, distinct int64) {
	t.Helper()
	prefix := origin.in.URL + "/pins/%"
	return n.count(t, `SELECT count(*) FROM pins WHERE iri LIKE ?`, prefix),
		n.count(t, `SELECT count(DISTINCT iri) FROM pins WHERE iri LIKE ?`, prefix)
}

// processedCreates counts the Create activities from actor the node has
// stored and applied without error.
func (n *fedNode) processedCreates(t *testing.T, actor string) int64 {
	t.Helper()
	return n.count(t, `SELECT count(*) FROM inbox_activities WHERE type = 'Create' AND actor_iri = ?
		AND processed_at IS NOT NULL AND last_error = ''`, actor)
}

// deliveries counts the node's delivery jobs in each River state.
func (n *fedNode) deliveries(t *testing.T) map[string]int64 {
	t.Helper()
	var rows []struct {
		State string
		N     int64
	}
	err := n.db.Gorm().Raw(`SELECT state, count(*) AS n FROM river_job WHERE kind = 'deliver' GROUP BY state`).Scan(&rows).Error
	if err != nil {
		t.Fatalf("%s: delivery queue: %v", n.name, err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out
}

// inboxPosts counts the deliveries the node's log shows it accepted
// (202) at its inboxes, over every run of the binary: redeliveries
// included, which its state must show once.
func inboxPosts(logs ...string) int {
	n := 0
	for _, l := range logs {
		for _, line := range strings.Split(l, "\n") {
			if strings.Contains(line, "method=POST") && strings.Contains(line, "inbox status=202") {
				n++
			}
		}
	}
	return n
}

// logTailsOnFailure registers a cleanup that logs the last lines of each
// node's current log if the test failed, side by side with what each
// node's database shows (startServer logs each log in full as well).
func logTailsOnFailure(t *testing.T, nodes ...*fedNode) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		for _, n := range nodes {
			t.Logf("%s (%s): deliveries %v; tail of its log:\n%s", n.name, n.in.URL, n.deliveries(t), tail(n.srv.Logs(), 40))
		}
	})
}
