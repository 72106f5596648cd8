package corkboard_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestReportMessageIsForParticipantsAndOncePerMessage(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob, eve := w.person("alice"), w.person("bob"), w.person("eve")
		admin, err := w.svc.CreateAccount(w.ctx, corkboard.NewAccount{Username: "root", Password: "password1", IsAdmin: true, Approved: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.svc.SetMessagePolicy(w.ctx, bob, corkboard.MessagesFromEveryone); err != nil {
			t.Fatal(err)
		}
		pin := w.pin(alice, w.board(alice, "Ideas", false), "a lamp")
		rude, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID}, "you are awful", corkboard.MessageAttachment{PinID: pin.ID})
		if err != nil {
			t.Fatal(err)
		}
		other, err := w.svc.SendMessage(w.ctx, alice, []int64{bob.ID}, "still awful", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name   string
			viewer *corkboard.Account
			id     int64
			want   string
		}{
			{"someone outside the conversation", eve, rude.ID, corkboard.ENOTFOUND},
			{"a message that does not exist", bob, rude.ID + 1000, corkboard.ENOTFOUND},
			{"one's own message", alice, rude.ID, corkboard.EINVALID},
			{"signed out", nil, rude.ID, corkboard.EUNAUTHORIZED},
		} {
			if _, err := w.svc.ReportMessage(w.ctx, tc.viewer, corkboard.ReportInput{MessageID: tc.id}); corkboard.ErrorCode(err) != tc.want {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
			}
		}
		comment := strings.Repeat("é", 2000)
		r, err := w.svc.ReportMessage(w.ctx, bob, corkboard.ReportInput{MessageID: rude.ID, Comment: comment, Forward: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := len([]rune(r.Comment)); n > 1000 || n < 900 {
			t.Errorf("comment of %d characters kept, want it bounded to 1000", n)
		}
		if r.Forwarded {
			t.Error("a report of a local person's message was marked forwarded")
		}
		if _, err := w.svc.ReportMessage(w.ctx, bob, corkboard.ReportInput{MessageID: rude.ID, Comment: "again"}); corkboard.ErrorCode(err) != corkboard.ECONFLICT {
			t.Errorf("second report of the same message: %v, want ECONFLICT", err)
		}
		if _, err := w.svc.ReportMessage(w.ctx, bob, corkboard.ReportInput{MessageID: other.ID}); err != nil {
			t.Errorf("report of another message: %v", err)
		}
		// The sender deletes the message: the admins still see what it said.
		if err := w.svc.DeleteMessage(w.ctx, alice, rude.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Reports(w.ctx, bob, 10); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Errorf("a non-admin reads reports: %v, want EFORBIDDEN", err)
		}
		rs, err := w.svc.Reports(w.ctx, admin, 10)
		if err != nil || len(rs) != 2 {
			t.Fatalf("reports = %d, %v; want 2", len(rs), err)
		}
		got := rs[1]
		if !got.Local || got.Evidence != "you are awful" || got.MessageID != rude.ID || got.Reporter == nil || got.Reporter.ID != bob.ID ||
			got.Target == nil || got.Target.ID != alice.ID || len(got.ObjectIRIs) != 1 || got.ObjectIRIs[0] != w.svc.MessageIRI(rude) {
			t.Errorf("stored report = %+v", got)
		}
		if len(got.EvidenceMedia) != 1 || !strings.HasSuffix(got.EvidenceMedia[0], "/pins/"+strconv.FormatInt(pin.ID, 10)) {
			t.Errorf("evidence of the attachment = %v, want the pin's page", got.EvidenceMedia)
		}
		if _, err := w.svc.ReportMessage(w.ctx, eve, corkboard.ReportInput{MessageID: rude.ID}); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("outsider reports a deleted message: %v, want ENOTFOUND", err)
		}
	})
}

func TestReportingARequestDeclinesItAndCanBlock(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, spammer, pest := w.person("alice"), w.person("spammer"), w.person("pest")
		spam, err := w.svc.SendMessage(w.ctx, spammer, []int64{alice.ID}, "buy now", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		nag, err := w.svc.SendMessage(w.ctx, pest, []int64{alice.ID}, "answer me", corkboard.MessageAttachment{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.ReportMessage(w.ctx, alice, corkboard.ReportInput{MessageID: spam.ID, Block: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.ReportMessage(w.ctx, alice, corkboard.ReportInput{MessageID: nag.ID}); err != nil {
			t.Fatal(err)
		}
		requests, err := w.svc.Conversations(w.ctx, alice, corkboard.MemberRequest, 0, 50)
		if err != nil || len(requests) != 0 {
			t.Errorf("requests after reporting both = %d, %v; want none", len(requests), err)
		}
		for _, tc := range []struct {
			sender *corkboard.Account
			want   string
		}{
			{spammer, corkboard.EFORBIDDEN}, // reported with "also block"
			{pest, ""},                      // reported only
		} {
			_, err := w.svc.SendMessage(w.ctx, tc.sender, []int64{alice.ID}, "hello?", corkboard.MessageAttachment{})
			if corkboard.ErrorCode(err) != tc.want {
				t.Errorf("@%s writes again: %v, want %q", tc.sender.Username, err, tc.want)
			}
		}
	})
}
