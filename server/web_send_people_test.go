package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
)

// The Send form's picker offers the people alice talks to, then those
// she follows, never someone she blocks; ticking two of them sends to
// both; typing asks /send/people, which finds local and known remote
// people by part of a name and answers only a signed-in person.
func TestWebSendPicker(t *testing.T) {
	eachPinKind(t, func(t *testing.T, env *pinEnv) {
		ctx, svc := context.Background(), env.srv.Service()
		alice := env.signedIn("alice", false)
		me, err := env.db.AccountByUsername(ctx, "alice")
		if err != nil {
			t.Fatal(err)
		}
		bob, carol, mallory := env.createAccount("bob", false), env.createAccount("carol", false), env.createAccount("mallory", false)
		for _, a := range []*corkboard.Account{bob, carol} {
			if err := svc.SetMessagePolicy(ctx, a, corkboard.MessagesFromEveryone); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := svc.FollowAccount(ctx, me, "bob"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.FollowAccount(ctx, me, "mallory"); err != nil {
			t.Fatal(err)
		}
		if err := svc.BlockAccount(ctx, me, mallory.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SendMessage(ctx, me, []int64{carol.ID}, "hi carol", corkboard.MessageAttachment{}); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if err := env.db.UpsertRemoteAccount(ctx, &corkboard.Account{Username: "carolyn", Domain: "pins.example",
			IRI: "https://pins.example/users/carolyn", Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}); err != nil {
			t.Fatal(err)
		}

		form := alice.get("/send?profile=" + id(bob.ID))
		wantStatus(t, "send form", form, http.StatusOK)
		wantBody(t, "suggestions", form, `name="to" value="@carol"`, `name="to" value="@bob"`)
		if strings.Index(form.body, `value="@carol"`) > strings.Index(form.body, `value="@bob"`) {
			t.Errorf("the picker offers bob before carol; want the person alice talks to first")
		}
		if strings.Contains(form.body, "@mallory") {
			t.Errorf("the picker offers a person alice blocks")
		}

		r := alice.post("/send?profile="+id(bob.ID), url.Values{"to": {"", "@bob", "@carol"}, "text": {"meet bob"}})
		wantStatus(t, "send to two ticked people", r, http.StatusSeeOther)
		views, err := svc.Conversations(ctx, carol, corkboard.MemberActive, 0, 10)
		if err != nil || len(views) != 2 || len(views[0].Others) != 2 {
			t.Fatalf("carol's conversations = %d (%v); want the new group of three first", len(views), err)
		}
		r = alice.post("/send?profile="+id(bob.ID), url.Values{"to": {"@bob", "@bob"}, "text": {"again"}})
		wantStatus(t, "typed and ticked", r, http.StatusSeeOther)

		people := func(b *webBrowser, q string) []map[string]string {
			t.Helper()
			r := b.get("/send/people?q=" + url.QueryEscape(q))
			wantStatus(t, "people "+q, r, http.StatusOK)
			var out []map[string]string
			if err := json.Unmarshal([]byte(r.body), &out); err != nil {
				t.Fatalf("people %q: %v\n%s", q, err, r.body)
			}
			return out
		}
		accts := func(ps []map[string]string) string {
			var s []string
			for _, p := range ps {
				s = append(s, p["acct"])
			}
			return strings.Join(s, " ")
		}
		for q, want := range map[string]string{
			"car":            "@carol @carolyn@pins.example",
			"@carol":         "@carol @carolyn@pins.example",
			"carolyn@pins.e": "@carolyn@pins.example",
			"mal":            "",
			"alice":          "",
			"@":              "",
		} {
			if got := accts(people(alice, q)); got != want {
				t.Errorf("people %q = %q, want %q", q, got, want)
			}
		}
		if r := env.browser().get("/send/people?q=car"); r.status == http.StatusOK {
			t.Errorf("/send/people answered someone signed out")
		}
	})
}
