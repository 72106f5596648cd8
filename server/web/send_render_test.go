package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
)

// TestSendFormKeepsAttachment: the send form's action carries what is
// sent (?pin=ID); html/template must not escape it to ?pin%3dID, which
// would send the note without the pin.
func TestSendFormKeepsAttachment(t *testing.T) {
	me := &corkboard.Account{ID: 1, Username: "alice", Approved: true, CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	w := newTestWeb()
	c, rec := request(w, "/send?pin=5", me)
	if err := w.render(c, http.StatusOK, "send", "Send", &sendPage{Pin: samplePin(me), Query: "pin=5"}); err != nil {
		t.Fatal(err)
	}
	if body := rec.Body.String(); !strings.Contains(body, `action="/send?pin=5"`) {
		i := strings.Index(body, `action="/send`)
		t.Fatalf("the send form's action does not carry ?pin=5: %s", body[max(i, 0):min(max(i, 0)+60, len(body))])
	}
}
