package servertest

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"testing"

	"github.com/corkboard/corkboard"
)

// CreateBoard makes a public board through the Service.
func (in *Instance) CreateBoard(t testing.TB, owner *corkboard.Account, title string) *corkboard.Board {
	t.Helper()
	b, err := in.Service().CreateBoard(context.Background(), owner, corkboard.BoardInput{Title: title})
	if err != nil {
		t.Fatalf("%s: create board %q: %v", in.Name, title, err)
	}
	return b
}

// CreatePin makes a pin through the Service, from a generated 300x200 PNG
// (big enough for a 236 px thumbnail to be made).
func (in *Instance) CreatePin(t testing.TB, owner *corkboard.Account, b *corkboard.Board, title string) *corkboard.Pin {
	t.Helper()
	p, err := in.Service().CreatePin(context.Background(), owner, corkboard.PinInput{BoardID: b.ID, Title: title,
		Description: title + ", pinned on " + in.Name, AltText: "a gradient", Link: "https://example.com/recipes",
		Image: bytes.NewReader(GradientPNG(t, 300, 200))})
	if err != nil {
		t.Fatalf("%s: create pin %q: %v", in.Name, title, err)
	}
	return p
}

// PinIRI is the ActivityPub id of one of the instance's own pins.
func (in *Instance) PinIRI(p *corkboard.Pin) string { return in.Service().PinIRI(p) }

// RemotePin returns the instance's copy of a pin from another server, or
// nil while it has none.
func (in *Instance) RemotePin(t testing.TB, iri string) *corkboard.Pin {
	t.Helper()
	p, err := in.Server.Store().PinByIRI(context.Background(), iri)
	switch {
	case corkboard.ErrorCode(err) == corkboard.ENOTFOUND:
		return nil
	case err != nil:
		t.Fatalf("%s: pin %s: %v", in.Name, iri, err)
	}
	return p
}

// MediaStatus is the status of GET /media/{key} on the instance: 200 when
// it stores the file itself.
func (in *Instance) MediaStatus(t testing.TB, key string) int {
	t.Helper()
	resp, err := http.Get(in.URL + "/media/" + key)
	if err != nil {
		t.Fatalf("%s: GET media %s: %v", in.Name, key, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// GradientPNG is a w x h PNG, different in every pixel, so that it
// survives the media pipeline's checks like a photo would.
func GradientPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
