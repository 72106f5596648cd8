package corkboard_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestNewConversationLimit: with a limit of 2 an hour, a local sender's
// third new conversation is refused with "try again later" (continuing
// one is not limited), and a remote sender's third is refused for good,
// so the inbox drops it. An hour later both may start again.
func TestNewConversationLimit(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		c := &clock{t: testEpoch}
		svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, c.Now, corkboard.ServiceOptions{
			BaseURL: "https://pins.example", NewConversationsPerHour: 2})
		person := func(name string) *corkboard.Account {
			a, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: name, Password: "password1", Approved: true})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		alice, bob, carol, dave, erin := person("alice"), person("bob"), person("carol"), person("dave"), person("erin")

		if _, err := svc.SendMessage(ctx, alice, []int64{bob.ID}, "one", corkboard.MessageAttachment{}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SendMessage(ctx, alice, []int64{carol.ID}, "two", corkboard.MessageAttachment{}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SendMessage(ctx, alice, []int64{dave.ID}, "three", corkboard.MessageAttachment{}); corkboard.ErrorCode(err) != corkboard.ERATELIMIT {
			t.Fatalf("a third new conversation in the hour: %v; want a rate-limit error", err)
		}
		if _, err := svc.SendMessage(ctx, alice, []int64{bob.ID}, "still talking", corkboard.MessageAttachment{}); err != nil {
			t.Errorf("continuing a conversation past the limit: %v", err)
		}

		now := c.Now()
		spammer := &corkboard.Account{Username: "spam", Domain: "spam.example", IRI: "https://spam.example/users/spam",
			Approved: true, CreatedAt: now, UpdatedAt: now, FetchedAt: now}
		if err := db.UpsertRemoteAccount(ctx, spammer); err != nil {
			t.Fatal(err)
		}
		receive := func(i int, to *corkboard.Account) error {
			_, err := svc.ReceiveMessage(ctx, corkboard.IncomingMessage{Sender: spammer, Recipients: []*corkboard.Account{to},
				IRI: fmt.Sprintf("https://spam.example/notes/%d", i), Text: "buy now", Published: c.Now()})
			return err
		}
		for i, to := range []*corkboard.Account{bob, carol} {
			if err := receive(i, to); err != nil {
				t.Fatalf("remote conversation %d: %v", i, err)
			}
		}
		if err := receive(2, dave); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("a remote sender's third new conversation: %v; want it refused", err)
		}
		if reqs, _ := svc.Conversations(ctx, dave, corkboard.MemberRequest, 0, 10); len(reqs) != 0 {
			t.Errorf("dave has %d requests; want none", len(reqs))
		}

		c.Advance(time.Hour + time.Minute)
		if _, err := svc.SendMessage(ctx, alice, []int64{erin.ID}, "later", corkboard.MessageAttachment{}); err != nil {
			t.Errorf("an hour later: %v", err)
		}
		if err := receive(3, erin); err != nil {
			t.Errorf("a remote sender an hour later: %v", err)
		}
	})
}
