package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestMediaAttachmentsArePendingUntilOneMessageUsesThem(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		alice, bob := localAccount(t, db, "alice"), localAccount(t, db, "bob")
		img := corkboard.Image{Key: "ab/cd", ContentType: "image/png", Width: 40, Height: 30, Blurhash: "LEHV6nWB2yk8",
			Variants: []corkboard.ImageVariant{{Width: 236, Height: 177, Key: "ab/cd-236", ContentType: "image/webp"}}}
		m := &corkboard.MediaAttachment{AccountID: alice.ID, Image: img, Description: "a cat", CreatedAt: time.Now()}
		mustDo(t, db.CreateMediaAttachment(ctx, m))
		got, err := db.MediaAttachmentByID(ctx, m.ID)
		if err != nil || got.AccountID != alice.ID || got.Description != "a cat" || got.MessageID != 0 ||
			got.Image.Blurhash != img.Blurhash || len(got.Image.Variants) != 1 || got.Image.Width != 40 {
			t.Fatalf("by id: %+v, %v", got, err)
		}
		if _, err := db.MediaAttachmentByID(ctx, m.ID+100); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("missing: %v", err)
		}

		now := time.Now()
		c := &corkboard.Conversation{ContextIRI: "https://pins.example/contexts/1", ParticipantKey: "1,2",
			StartedByID: alice.ID, CreatedAt: now, UpdatedAt: now}
		mustDo(t, db.CreateConversation(ctx, c, []*corkboard.Member{
			{AccountID: alice.ID, State: corkboard.MemberActive}, {AccountID: bob.ID, State: corkboard.MemberActive}}))
		msg := &corkboard.Message{ConversationID: c.ID, SenderID: alice.ID, Text: "hi", CreatedAt: now}
		mustDo(t, db.CreateMessage(ctx, msg))

		if n, err := db.UseMediaAttachments(ctx, bob.ID, []int64{m.ID}, msg.ID); err != nil || n != 0 {
			t.Errorf("someone else's upload: %d, %v", n, err)
		}
		if n, err := db.UseMediaAttachments(ctx, alice.ID, []int64{m.ID}, msg.ID); err != nil || n != 1 {
			t.Fatalf("use: %d, %v", n, err)
		}
		if n, err := db.UseMediaAttachments(ctx, alice.ID, []int64{m.ID}, msg.ID); err != nil || n != 0 {
			t.Errorf("used twice: %d, %v", n, err)
		}
		if got, _ := db.MediaAttachmentByID(ctx, m.ID); got == nil || got.MessageID != msg.ID {
			t.Errorf("after use: %+v", got)
		}
	})
}
