package signature

import (
	"bufio"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// capture is one request as recorded by the fixture stub: what net/http
// handed the handler (Host already moved out of the header map).
type capture struct {
	Time    string      `json:"time"`
	Method  string      `json:"method"`
	Path    string      `json:"path"`
	Query   string      `json:"query"`
	Host    string      `json:"host"`
	Headers http.Header `json:"headers"`
	Body    string      `json:"body"`
}

// Real requests from GoToSocial and Fedify verify, with the clock set to
// their Date: proof that we read their signatures as they mean them.
func TestVerifyCapturedRequests(t *testing.T) {
	captures := loadCaptures(t)
	keys := newResolver(loadKeys(t)...)
	tests := []struct {
		name, time string // time identifies the record
		want       error
		owner      string
		tamper     func(r *http.Request, now *time.Time)
	}{
		{"unsigned GET (curl)", "2026-11-26T03:11:17", ErrNoSignature, "", nil},
		{"GoToSocial GET with query", "2026-11-26T03:12:02.037", nil, "http://gts.test/users/alice", nil},
		{"GoToSocial GET actor", "2026-11-26T03:12:02.044", nil, "http://gts.test/users/alice", nil},
		{"GoToSocial POST Follow", "2026-11-26T03:12:02.190", nil, "http://gts.test/users/alice", nil},
		{"GoToSocial POST Create 3 KB", "2026-11-26T03:12:12", nil, "http://gts.test/users/alice", nil},
		{"GoToSocial POST Flag by instance actor", "2026-11-26T03:12:50", nil, "http://gts.test/users/gts.test", nil},
		{"Fedify POST RFC 9421", "2026-11-26T03:13:37", ErrUnsupportedScheme, "", nil},
		{"Fedify GET RFC 9421", "2026-11-26T03:13:39", ErrUnsupportedScheme, "", nil},
		{"Fedify POST Follow draft-cavage", "2026-11-26T03:13:49", nil, "http://fedify-peer2.test/users/bob", nil},
		{"Fedify GET draft-cavage", "2026-11-26T03:13:52", nil, "http://fedify-peer2.test/users/bob", nil},
		{"Fedify POST Create 4 KB draft-cavage", "2026-11-26T03:13:55", nil, "http://fedify-peer2.test/users/bob", nil},
		// The same captures, tampered with, must fail: the passes above
		// are not an artefact of a lenient verifier.
		{"GoToSocial POST replayed to another inbox", "2026-11-26T03:12:02.190", ErrBadSignature, "",
			func(r *http.Request, _ *time.Time) { r.URL.Path = "/users/dave/inbox" }},
		{"GoToSocial GET sent to another host", "2026-11-26T03:12:02.044", ErrBadSignature, "",
			func(r *http.Request, _ *time.Time) { r.Host = "corkboard.test" }},
		{"Fedify POST replayed two hours later", "2026-11-26T03:13:49", ErrDateSkew, "",
			func(_ *http.Request, now *time.Time) { *now = now.Add(2 * time.Hour) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := findCapture(t, captures, tt.time)
			r, body := c.request()
			date, err := http.ParseTime(r.Header.Get("Date"))
			if err != nil && tt.want == nil {
				t.Fatalf("Date: %v", err)
			}
			if tt.tamper != nil {
				tt.tamper(r, &date)
			}
			res, err := NewVerifier(clock(date), VerifierOptions{}).Verify(r, body, keys)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("Verify = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if res.Owner != tt.owner {
				t.Errorf("Owner = %q, want %q", res.Owner, tt.owner)
			}
		})
	}
}

func (c *capture) request() (*http.Request, []byte) {
	target := c.Path
	if c.Query != "" {
		target += "?" + c.Query
	}
	body := []byte(c.Body)
	r := httptest.NewRequest(c.Method, target, strings.NewReader(c.Body))
	r.Host = c.Host
	r.Header = c.Headers
	r.ContentLength = int64(len(body))
	return r, body
}

func loadCaptures(tb testing.TB) []capture {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "captures.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []capture
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c capture
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatal(err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func findCapture(tb testing.TB, captures []capture, time string) *capture {
	tb.Helper()
	var found *capture
	for i := range captures {
		if strings.HasPrefix(captures[i].Time, time) {
			if found != nil {
				tb.Fatalf("several captures at %s", time)
			}
			found = &captures[i]
		}
	}
	if found == nil {
		tb.Fatalf("no capture at %s", time)
	}
	return found
}

// loadKeys reads the publicKey of every actor document in testdata/keys.
func loadKeys(tb testing.TB) []*PublicKey {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "keys", "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no key documents: %v", err)
	}
	var keys []*PublicKey
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		var doc struct {
			PublicKey struct {
				ID           string `json:"id"`
				Owner        string `json:"owner"`
				PublicKeyPem string `json:"publicKeyPem"`
			} `json:"publicKey"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		key, err := ParsePublicKeyPEM(doc.PublicKey.PublicKeyPem)
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		keys = append(keys, &PublicKey{ID: doc.PublicKey.ID, Owner: doc.PublicKey.Owner, Key: key})
	}
	return keys
}
