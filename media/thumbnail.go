package media

import (
	"context"
	"fmt"
	"image"
	"math"

	"github.com/disintegration/imaging"
)

// Thumbnail widths: the grid column (236) and the pin page (736), the
// sizes the web layer lays out. Processed.Thumbnails is keyed by them.
const (
	ThumbSmall = 236
	ThumbLarge = 736
)

// ThumbnailWidths lists the thumbnail widths, smallest first.
func ThumbnailWidths() []int { return []int{ThumbSmall, ThumbLarge} }

// Variant is one encoded rendition of an image.
type Variant struct {
	Width, Height int
	ContentType   string
	Bytes         []byte
}

// thumbnailFilters returns the resampling filters for the large step and
// the small one. imaging widens a filter's support by the reduction
// ratio, so every filter averages over each output pixel's whole
// footprint in the source; they differ in how they weight it, which
// decides sharpness and leftover moiré, and in cost, which grows with
// support (Box 0.5, Linear 1, CatmullRom 2, Lanczos 3).
//
//   - 12 MP → 736 is a 5× reduction and nearly all the resizing work.
//     Linear (a tent, support 1) costs half what Lanczos does there
//     (127 ms against 246 ms on a 2-core EPYC; BenchmarkResizeFilters),
//     and at that ratio the two differ by less than JPEG's own loss.
//     Box is faster still (88 ms) but its hard-edged footprint shows as
//     moiré on fine regular patterns (fabric, screens, railings).
//   - 736 → 236 is cheap whatever the filter, so CatmullRom (bicubic)
//     spends a little to keep the small grid thumbnail crisp.
//
// A function rather than package variables, as the package keeps no
// mutable state.
func thumbnailFilters() (large, small imaging.ResampleFilter) {
	return imaging.Linear, imaging.CatmullRom
}

// makeThumbnails renders both widths, the large from the upright original
// and the small from the large: the second step then reads 736 columns
// instead of thousands, which makes it almost free. It returns the small
// pixels too, so that the blurhash and colour are computed from them.
//
// Images are never enlarged: when the original is narrower than a width,
// that thumbnail is the original size, since upscaling only adds bytes.
func makeThumbnails(ctx context.Context, img image.Image, opaque bool) (map[int]Variant, image.Image, error) {
	largeFilter, smallFilter := thumbnailFilters()
	b := img.Bounds()
	large := shrinkToWidth(img, b.Dx(), b.Dy(), ThumbLarge, largeFilter)
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("media: thumbnail: %w", err)
	}
	// The small height comes from the original's aspect ratio, not the
	// large thumbnail's rounded one, so rounding does not add up.
	small := shrinkToWidth(large, b.Dx(), b.Dy(), ThumbSmall, smallFilter)

	out := make(map[int]Variant, 2)
	for width, pix := range map[int]image.Image{ThumbLarge: large, ThumbSmall: small} {
		data, ct, err := encodeStill(pix, opaque, thumbnailJPEGQuality)
		if err != nil {
			return nil, nil, fmt.Errorf("media: thumbnail %d: %w", width, err)
		}
		pb := pix.Bounds()
		out[width] = Variant{Width: pb.Dx(), Height: pb.Dy(), ContentType: ct, Bytes: data}
	}
	return out, small, nil
}

// shrinkToWidth resizes src to width w, keeping the aspect ratio of the
// original (origW×origH), or returns src unchanged when it is not wider.
func shrinkToWidth(src image.Image, origW, origH, w int, filter imaging.ResampleFilter) image.Image {
	if src.Bounds().Dx() <= w {
		return src
	}
	h := int(math.Max(1, math.Round(float64(w)*float64(origH)/float64(origW))))
	return imaging.Resize(src, w, h, filter)
}
