package servertest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage"
)

// Scenarios assert what crossed the wire, not only its effects: an
// activity that did not arrive and one that arrived and was ignored look
// the same in a feed. These read the two logs that tell them apart: what
// the instance received (inbox_activities, one row per activity id) and
// what it has queued for others (River's delivery jobs).

// Received is one stored inbox activity.
type Received struct {
	IRI, Type, Actor string
	Raw              string
	Processed        bool
	LastError        string
}

// Mentions reports whether the activity names iri anywhere (as its
// object, embedded or not, or deeper).
func (r Received) Mentions(iri string) bool { return strings.Contains(r.Raw, `"`+iri+`"`) }

// Inbox lists every activity the instance has received, oldest first.
func (in *Instance) Inbox(t testing.TB) []Received {
	t.Helper()
	var rows []struct {
		IRI, Type, ActorIRI, Raw, LastError string
		Processed                           bool
	}
	err := in.db(t).Gorm().Raw(`SELECT iri, type, actor_iri, raw, last_error, processed_at IS NOT NULL AS processed
		FROM inbox_activities ORDER BY id`).Scan(&rows).Error
	if err != nil {
		t.Fatalf("%s: read the inbox log: %v", in.Name, err)
	}
	out := make([]Received, len(rows))
	for i, r := range rows {
		out[i] = Received{IRI: r.IRI, Type: r.Type, Actor: r.ActorIRI, Raw: r.Raw, Processed: r.Processed, LastError: r.LastError}
	}
	return out
}

// Delivery is one queued delivery job: an activity for one inbox.
type Delivery struct {
	Inbox        string
	ActivityID   string
	ActivityType string
	State        string // River's: available, running, retryable, completed, ...
	Attempt      int
}

// Done reports whether the job will never run again.
func (d Delivery) Done() bool {
	return d.State == "completed" || d.State == "cancelled" || d.State == "discarded"
}

// Deliveries lists the instance's delivery jobs, oldest first.
func (in *Instance) Deliveries(t testing.TB) []Delivery {
	t.Helper()
	db := in.db(t)
	args := "args::text" // PostgreSQL's jsonb; SQLite keeps River's args as a jsonb blob
	if db.Dialect() == "sqlite" {
		args = "json(args)"
	}
	var rows []struct {
		Args, State string
		Attempt     int
	}
	err := db.Gorm().Raw(`SELECT ` + args + ` AS args, state, attempt FROM river_job WHERE kind = 'deliver' ORDER BY id`).
		Scan(&rows).Error
	if err != nil {
		t.Fatalf("%s: read the delivery queue: %v", in.Name, err)
	}
	out := make([]Delivery, len(rows))
	for i, r := range rows {
		var job struct {
			Inbox string          `json:"inbox"`
			Body  json.RawMessage `json:"body"`
		}
		var head struct{ ID, Type string }
		if err := json.Unmarshal([]byte(r.Args), &job); err != nil {
			t.Fatalf("%s: delivery job args: %v", in.Name, err)
		}
		if err := json.Unmarshal(job.Body, &head); err != nil {
			t.Fatalf("%s: delivery job body: %v", in.Name, err)
		}
		out[i] = Delivery{Inbox: job.Inbox, ActivityID: head.ID, ActivityType: head.Type, State: r.State, Attempt: r.Attempt}
	}
	return out
}

// db is the instance's database, which the server opened.
func (in *Instance) db(t testing.TB) *storage.DB {
	t.Helper()
	db, ok := in.Server.Store().(*storage.DB)
	if !ok {
		t.Fatalf("%s: the server's store is a %T, not *storage.DB", in.Name, in.Server.Store())
	}
	return db
}

// DeliveriesEnded waits until every delivery in's queue holds has ended
// (delivered, or given up on), so that what has not arrived will not.
func (in *Instance) DeliveriesEnded(t testing.TB, timeout time.Duration) {
	t.Helper()
	Eventually(t, timeout, in.Name+"'s deliveries to end", func() bool {
		for _, d := range in.Deliveries(t) {
			if !d.Done() {
				return false
			}
		}
		return true
	})
}
