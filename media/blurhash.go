package media

import (
	"fmt"
	"image"

	"github.com/buckket/go-blurhash"
	"github.com/disintegration/imaging"
)

// Blurhash components: 4 across and 3 down suit the landscape-to-square
// pictures most pins are, and give a 28-character hash; more components
// add detail nobody sees in a placeholder that is on screen for a moment.
const (
	blurhashX = 4
	blurhashY = 3
)

// summaryWidth is the width of the tiny copy both summaries are computed
// from. A blurhash of 4×3 components cannot show detail finer than about a
// twelfth of the image, and an average needs no detail at all, so 32 px
// loses nothing while making the blurhash's per-pixel cosine sums (twelve
// per pixel) about 50 times cheaper than on the 236 thumbnail.
const summaryWidth = 32

// summarise computes the blurhash and the dominant colour of img, which
// should already be small (the 236 thumbnail).
func summarise(img image.Image) (hash, dominant string, err error) {
	b := img.Bounds()
	tiny := shrinkToWidth(img, b.Dx(), b.Dy(), summaryWidth, imaging.Box)
	// go-blurhash indexes pixels from (0,0); imaging returns images at the
	// origin, but an unresized input may not be, so make sure.
	if tiny.Bounds().Min != (image.Point{}) {
		tiny = imaging.Clone(tiny)
	}
	hash, err = blurhash.Encode(blurhashX, blurhashY, tiny)
	if err != nil {
		return "", "", fmt.Errorf("media: blurhash: %w", err)
	}
	return hash, dominantColor(tiny), nil
}

// dominantColor returns the mean colour of img as "#rrggbb", weighting each
// pixel by its alpha so that transparent margins (whose colour channels are
// meaningless) do not pull the result towards black. The mean is the right
// "dominant" colour for its use: the placeholder behind a pin while it
// loads, which should match the picture's overall tone, not its most
// frequent hue. A fully transparent image gives white, the board colour.
func dominantColor(img image.Image) string {
	var r, g, b, a uint64
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			// RGBA is alpha-premultiplied, 16 bits a channel: summing it
			// is already the alpha-weighted sum.
			pr, pg, pb, pa := img.At(x, y).RGBA()
			r, g, b, a = r+uint64(pr), g+uint64(pg), b+uint64(pb), a+uint64(pa)
		}
	}
	if a == 0 {
		return "#ffffff"
	}
	return fmt.Sprintf("#%02x%02x%02x", unit8(r, a), unit8(g, a), unit8(b, a))
}

// unit8 divides a premultiplied channel sum by the alpha sum and scales it
// to 0–255, rounding to nearest.
func unit8(sum, alpha uint64) uint8 {
	v := (sum*255 + alpha/2) / alpha
	if v > 255 {
		v = 255
	}
	return uint8(v)
}
