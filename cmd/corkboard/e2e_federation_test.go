package main

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestE2EFederation federates two real binaries over loopback sockets:
// bob on R follows alice on S through R's client API; alice's pin shows on
// bob's home timeline with its image stored on R. Then R is down for a
// while (SIGTERM): what alice pins meanwhile fails to reach it, is
// retried, and arrives once R is back on the same address.
func TestE2EFederation(t *testing.T) {
	t.Parallel()
	start := time.Now()
	s := startFedNode(t, "S", "sqlite", "127.0.0.1", "alice")
	r := startFedNode(t, "R", "sqlite", "127.0.0.5", "bob")
	logTailsOnFailure(t, s, r)
	deadline := time.Now().Add(90 * time.Second)

	r.follow(t, "@alice@"+s.host(), deadline)
	board := s.api.createBoard("Federated")
	first := s.pin(t, board)
	var shown timelinePin
	waitFor(t, deadline, "the pin on bob's home timeline on R", func() (bool, string) {
		pins := r.homeTimeline(t)
		i := slices.IndexFunc(pins, func(p timelinePin) bool { return p.URI == first })
		if i >= 0 {
			shown = pins[i]
		}
		return i >= 0, summarizeTimeline(pins)
	})
	r.checkStoredHere(t, shown)
	if want := "alice@" + s.host(); shown.Account.Acct != want {
		t.Errorf("the pin's account on R is %q, want %q", shown.Account.Acct, want)
	}

	// R goes away; S's deliveries fail and wait for their retry.
	if code := r.srv.Stop(t); code != 0 {
		t.Fatalf("R exited %d after SIGTERM", code)
	}
	missed := []string{s.pin(t, board), s.pin(t, board), s.pin(t, board)}
	waitFor(t, deadline, "S's deliveries to R to fail while R is down", func() (bool, string) {
		// Attempted and not completed: with R down, every attempt fails.
		n := s.count(t, `SELECT count(*) FROM river_job WHERE kind = 'deliver' AND state <> 'completed' AND attempt >= 1`)
		return n >= int64(len(missed)), "deliveries by state: " + jsonText(s.deliveries(t))
	})
	time.Sleep(2 * time.Second) // down for a while: past more than one retry
	r.restart(t)
	waitFor(t, deadline, "every pin made while R was down to reach bob's timeline", func() (bool, string) {
		pins := r.homeTimeline(t)
		for _, uri := range append(missed, first) {
			if !slices.ContainsFunc(pins, func(p timelinePin) bool { return p.URI == uri }) {
				return false, summarizeTimeline(pins)
			}
		}
		return true, ""
	})
	if copies, distinct := r.receivedPins(t, s); copies != 4 || distinct != 4 {
		t.Errorf("R holds %d copies of %d distinct pins from S, want 4 of 4", copies, distinct)
	}
	t.Logf("two binaries: follow, pin, outage of R and recovery in %s", time.Since(start).Round(time.Millisecond))
}

// timelinePin is what the checks read of a pin in the client API.
type timelinePin struct {
	URI     string `json:"uri"`
	Account struct {
		Acct string `json:"acct"`
	} `json:"account"`
	Image struct {
		Original   string `json:"original"`
		Thumbnails map[string]struct {
			URL string `json:"url"`
		} `json:"thumbnails"`
	} `json:"image"`
}

// homeTimeline is the first page (40 pins) of the user's home timeline.
func (n *fedNode) homeTimeline(t *testing.T) []timelinePin {
	t.Helper()
	status, body := apiRaw(t, n.api, http.MethodGet, "/api/v1/timelines/home?limit=40", "", nil)
	var pins []timelinePin
	if err := json.Unmarshal(body, &pins); status != http.StatusOK || err != nil {
		t.Fatalf("%s: GET /api/v1/timelines/home = %d (%v): %s", n.name, status, err, truncate(string(body), 500))
	}
	return pins
}

// checkStoredHere checks that a pin's image and thumbnails are served by
// the node itself: a remote pin's image is fetched once and stored, never
// hotlinked from its origin.
func (n *fedNode) checkStoredHere(t *testing.T, p timelinePin) {
	t.Helper()
	urls := []string{p.Image.Original}
	for _, th := range p.Image.Thumbnails {
		urls = append(urls, th.URL)
	}
	if len(urls) < 2 {
		t.Errorf("%s: the pin has no thumbnails: %+v", n.name, p.Image)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, n.in.URL+"/media/") {
			t.Errorf("%s: image URL %q is not under %s/media/", n.name, u, n.in.URL)
			continue
		}
		resp, _ := get(t, n.api.http, u)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") {
			t.Errorf("%s: GET %s = %d %s", n.name, u, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

func summarizeTimeline(pins []timelinePin) string {
	uris := make([]string, len(pins))
	for i, p := range pins {
		uris[i] = p.URI
	}
	return "the timeline has " + strings.Join(uris, ", ")
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
