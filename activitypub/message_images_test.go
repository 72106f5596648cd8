package activitypub_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestMessageWithPinAndPhoto: a message carrying a pin and a photo its
// sender uploaded arrives on another Corkboard with both: the pin
// rendered natively and the photo stored as the message's own image
// (the pin's picture, sent first, is not stored a second time).
func TestMessageWithPinAndPhoto(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
			net := servertest.NewNetwork(t)
			a, b := net.Add("a", opts), net.Add("b", opts)
			alice := a.CreateUser(t, "alice")
			b.CreateUser(t, "bob")
			bobOnA, err := a.Server.Federation().ResolveAccount(ctx, b.Handle("bob"))
			if err != nil {
				t.Fatal(err)
			}
			pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Ideas"), "a lamp")
			photo, err := a.Service().UploadMedia(ctx, alice, bytes.NewReader(servertest.GradientPNG(t, 300, 200)), "my desk")
			if err != nil {
				t.Fatal(err)
			}
			sent, err := a.Service().SendMessage(ctx, alice, []int64{bobOnA.ID}, "the lamp, and where it would go",
				corkboard.MessageAttachment{PinID: pin.ID, MediaIDs: []int64{photo.ID}})
			if err != nil {
				t.Fatal(err)
			}
			var got *corkboard.Message
			servertest.Eventually(t, 10*time.Second, "the message on B", func() bool {
				got, err = b.Server.Store().MessageByIRI(ctx, a.Service().MessageIRI(sent))
				return err == nil
			})
			if got.Attachment.PinID == 0 {
				t.Errorf("the pin was not attached on B")
			}
			if len(got.Attachment.Images) != 1 || got.Attachment.Images[0].Key == "" {
				t.Fatalf("images on B = %+v; want the one uploaded photo, stored", got.Attachment.Images)
			}
			if p := b.RemotePin(t, a.PinIRI(pin)); p.Image.Key == got.Attachment.Images[0].Key {
				t.Errorf("B stored the pin's picture as the message's photo")
			}
			if st := b.MediaStatus(t, got.Attachment.Images[0].Key); st != 200 {
				t.Errorf("the photo on B answers %d", st)
			}
		})
	}
}
