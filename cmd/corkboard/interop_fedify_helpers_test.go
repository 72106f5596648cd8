package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The Fedify interop tests run interop/fedify/peer.mjs, a Fedify server
// with one actor that records what it receives and is driven through its
// /_control/ API (see the comment at the top of peer.mjs).

// fedifyPeerDir returns the directory of the Fedify peer with its npm
// packages installed: CORKBOARD_FEDIFY_PEER (set by .ci/run), else the
// repository's interop/fedify. Without node or the packages the test
// skips, except under CI, where a missing peer must not pass silently.
func fedifyPeerDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CORKBOARD_FEDIFY_PEER")
	if dir == "" {
		dir = filepath.Join("..", "..", "interop", "fedify") // go test runs in cmd/corkboard
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var missing string
	if _, err := exec.LookPath("node"); err != nil {
		missing = "no node on PATH (the peer needs Node.js 20 or later)"
	} else if _, err := os.Stat(filepath.Join(abs, "node_modules", "@fedify", "fedify", "package.json")); err != nil {
		missing = fmt.Sprintf("the peer's npm packages are not installed (cd %s && npm ci)", abs)
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Fedify interop under CI: %s; .ci/run's setup_fedify installs them", missing)
		}
		t.Skipf("Fedify interop: %s", missing)
	}
	return abs
}

// freePortOn is freePort for another loopback address: a distinct host,
// as another server would be. Where only 127.0.0.1 is configured (macOS)
// the test skips, except under CI.
func freePortOn(t *testing.T, host string) string {
	t.Helper()
	portsMu.Lock()
	defer portsMu.Unlock()
	for {
		l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("listen on %s: %v", host, err)
			}
			t.Skipf("listen on %s (a second loopback address is needed): %v", host, err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if !portsGiven[port] {
			portsGiven[port] = true
			return strconv.Itoa(port)
		}
	}
}

// fedifyPeer is a running peer.mjs.
type fedifyPeer struct {
	URL   string // its base URL, http://HOST:PORT
	Actor string // its actor's IRI
	cmd   *exec.Cmd
	logs  *syncBuffer
	done  chan struct{} // closed when the process has exited
	err   error         // Wait's result, set before done closes
	http  *http.Client
}

// startFedifyPeer runs the peer in dir on host and waits until its health
// endpoint answers. The peer runs in a process group of its own, killed
// when the test ends, whatever the outcome.
func startFedifyPeer(t *testing.T, dir, host string) *fedifyPeer {
	t.Helper()
	p := &fedifyPeer{
		URL:  "http://" + net.JoinHostPort(host, freePortOn(t, host)),
		logs: &syncBuffer{},
		done: make(chan struct{}),
		http: &http.Client{Timeout: 30 * time.Second},
	}
	p.cmd = exec.Command("node", "peer.mjs")
	p.cmd.Dir = dir
	p.cmd.Env = append(processEnv(nil), "PEER_URL="+p.URL)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start the Fedify peer: %v", err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		// The whole group: node and anything it may have started.
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	})

	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-p.done:
			t.Fatalf("the Fedify peer exited before it was healthy (%v):\n%s", p.err, p.logs.String())
		default:
		}
		if resp, err := client.Get(p.URL + "/_control/health"); err == nil {
			var health struct {
				OK    bool   `json:"ok"`
				Actor string `json:"actor"`
			}
			err := json.NewDecoder(resp.Body).Decode(&health)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusOK && health.OK {
				p.Actor = health.Actor
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the Fedify peer on %s was not healthy within 30 s:\n%s", p.URL, p.logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// call sends a control request (body as JSON unless nil) and returns the
// status and the body.
func (p *fedifyPeer) call(t *testing.T, method, path string, body any) (int, []byte) {
	t.Helper()
	var r *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	} else {
		r = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, p.URL+"/_control/"+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, text := fetch(t, p.http, req)
	return resp.StatusCode, []byte(text)
}

// get fetches a control endpoint that must answer 200 into out.
func (p *fedifyPeer) get(t *testing.T, path string, out any) {
	t.Helper()
	status, body := p.call(t, http.MethodGet, path, nil)
	if status != http.StatusOK {
		t.Fatalf("peer GET /_control/%s = %d: %s", path, status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("peer GET /_control/%s: %v: %s", path, err, body)
	}
}

// received returns the activities the peer has recorded, oldest first.
func (p *fedifyPeer) received(t *testing.T) []peerActivity {
	t.Helper()
	var out struct {
		Activities []peerActivity `json:"activities"`
	}
	p.get(t, "received", &out)
	return out.Activities
}

// deliveries returns what the peer has sent, with each outcome.
func (p *fedifyPeer) deliveries(t *testing.T) []peerDelivery {
	t.Helper()
	var out struct {
		Deliveries []peerDelivery `json:"deliveries"`
	}
	p.get(t, "sent", &out)
	return out.Deliveries
}

// followers returns the actors following the peer.
func (p *fedifyPeer) followers(t *testing.T) []string {
	t.Helper()
	var out struct {
		Followers []string `json:"followers"`
	}
	p.get(t, "followers", &out)
	return out.Followers
}

// peerActivity is an activity the peer recorded. Verified is true when
// Fedify called an inbox listener for it, which it does only after
// verifying the signature; unverified ones carry Fedify's Reason.
type peerActivity struct {
	Seq       int             `json:"seq"`
	Inbox     string          `json:"inbox"`
	Verified  bool            `json:"verified"`
	Reason    json.RawMessage `json:"reason"`
	Signature struct {
		Scheme string `json:"scheme"`
		KeyID  string `json:"keyId"`
	} `json:"signature"`
	ID           string      `json:"id"`
	Type         string      `json:"type"` // as Fedify parsed it
	RawType      string      `json:"rawType"`
	Actor        string      `json:"actor"`
	ObjectID     string      `json:"objectId"`
	Object       *peerObject `json:"object"` // summary of the raw object
	ParsedObject *struct {
		Type        string `json:"type"`
		Attachments []struct {
			Type      string `json:"type"`
			MediaType string `json:"mediaType"`
		} `json:"attachments"`
		Error string `json:"error"`
	} `json:"parsedObject"` // what Fedify made of an embedded object
	Note  string          `json:"note"`
	Error string          `json:"error"`
	Raw   json.RawMessage `json:"raw"`
}

// peerObject is the peer's summary of an activity's raw object, with
// every one-or-many value as a list.
type peerObject struct {
	ID           string   `json:"id"`
	Type         string   `json:"type"`
	AttributedTo []string `json:"attributedTo"`
	To           []string `json:"to"`
	Cc           []string `json:"cc"`
	Content      string   `json:"content"`
	Attachment   []struct {
		Type      string `json:"type"`
		MediaType string `json:"mediaType"`
		URL       string `json:"url"`
		Name      string `json:"name"`
	} `json:"attachment"`
	Object string `json:"object"`
}

// peerDelivery is one delivery attempt of the peer.
type peerDelivery struct {
	Type    string `json:"type"`
	ID      string `json:"id"`
	To      string `json:"to"`
	Attempt int    `json:"attempt"`
	OK      bool   `json:"ok"`
	Error   string `json:"error"`
}

func (a peerActivity) String() string {
	s := fmt.Sprintf("#%d %s %s from %s (verified=%v, %s %s, inbox %s)", a.Seq, a.Type, a.ID, a.Actor,
		a.Verified, a.Signature.Scheme, a.Signature.KeyID, a.Inbox)
	if a.ObjectID != "" {
		s += " object " + a.ObjectID
	}
	if len(a.Reason) > 0 && string(a.Reason) != "null" {
		s += " reason " + string(a.Reason)
	}
	if a.Note != "" {
		s += " note: " + a.Note
	}
	if a.Error != "" {
		s += " error: " + a.Error
	}
	return s
}

// logFedifyState logs, when the test has failed, what the peer received
// and sent, the requests its inboxes answered, and the tails of both
// processes' logs (the server's full log follows, from startServer).
func logFedifyState(t *testing.T, peer *fedifyPeer, srv *serverProcess) {
	t.Helper()
	if !t.Failed() {
		return
	}
	var b strings.Builder
	if body, err := peer.tryGet("received"); err != nil {
		fmt.Fprintf(&b, "the Fedify peer's received list: %v\n", err)
	} else {
		var out struct {
			Activities []peerActivity `json:"activities"`
		}
		_ = json.Unmarshal(body, &out)
		fmt.Fprintf(&b, "the Fedify peer received %d activities:\n", len(out.Activities))
		for _, a := range out.Activities {
			fmt.Fprintf(&b, "  %s\n    %s\n", a, truncate(string(a.Raw), 3000))
		}
	}
	for _, path := range []string{"inbox-log", "sent"} {
		body, err := peer.tryGet(path)
		if err != nil {
			fmt.Fprintf(&b, "the peer's %s: %v\n", path, err)
			continue
		}
		fmt.Fprintf(&b, "the peer's %s: %s\n", path, truncate(string(body), 6000))
	}
	fmt.Fprintf(&b, "tail of the Fedify peer's log:\n%s\n", tail(peer.logs.String(), 80))
	fmt.Fprintf(&b, "tail of corkboard serve's log:\n%s", tail(srv.Logs(), 60))
	t.Log(b.String())
}

// tryGet fetches a control endpoint for diagnostics, failing nothing.
func (p *fedifyPeer) tryGet(path string) ([]byte, error) {
	resp, err := p.http.Get(p.URL + "/_control/" + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, buf.String())
	}
	return buf.Bytes(), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// waitFor polls cond every 200 ms until it holds or deadline passes; then
// the test fails with what cond said last.
func waitFor(t *testing.T, deadline time.Time, what string, cond func() (bool, string)) {
	t.Helper()
	for {
		ok, last := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within the test's time limit; last seen: %s", what, last)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// getActivityJSON GETs an ActivityPub document (unsigned) and decodes it.
func getActivityJSON(t *testing.T, client *http.Client, url string) (int, map[string]any, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "application/activity+json")
	resp, body := fetch(t, client, req)
	var doc map[string]any
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatalf("GET %s: not JSON: %v\n%s", url, err, body)
		}
	}
	return resp.StatusCode, doc, body
}

// collectionItems returns the ids of a collection's items: inline, or
// on its pages (first, then next; at most 20 pages).
func collectionItems(t *testing.T, client *http.Client, url string) ([]string, string) {
	t.Helper()
	status, doc, body := getActivityJSON(t, client, url)
	if status != http.StatusOK {
		return nil, fmt.Sprintf("GET %s = %d: %s", url, status, truncate(body, 500))
	}
	var ids []string
	page := doc
	for range 20 {
		for _, key := range []string{"orderedItems", "items"} {
			for _, item := range asList(page[key]) {
				ids = append(ids, idOf(item))
			}
		}
		next := page["first"]
		if next == nil {
			next = page["next"]
		}
		switch n := next.(type) {
		case map[string]any:
			page = n
			continue
		case string:
			status, doc, body := getActivityJSON(t, client, n)
			if status != http.StatusOK {
				return ids, fmt.Sprintf("GET %s = %d: %s", n, status, truncate(body, 500))
			}
			page = doc
			continue
		}
		break
	}
	return ids, fmt.Sprintf("%s has %v", url, ids)
}

func asList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

func idOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["id"].(string)
		return s
	}
	return ""
}

// interopPNG is a small gradient PNG for a pin's image.
func interopPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 96, 64))
	for y := range 64 {
		for x := range 96 {
			img.Set(x, y, color.RGBA{uint8(x * 255 / 96), uint8(y * 255 / 64), 180, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
