package media

import (
	"context"
	"fmt"
	"image"
	"io"
	"slices"

	"github.com/disintegration/imaging"
)

// Avatar sizes: the profile page's picture and the small one beside a
// name in lists, pins and comments. Square.Sizes is keyed by them.
const (
	AvatarLarge = 400
	AvatarSmall = 96
)

// squareJPEGQuality is that of thumbnails: avatars are small renditions.
const squareJPEGQuality = thumbnailJPEGQuality

// Square is an upload cropped to its centred square and rendered at
// several sides, each re-encoded without metadata.
type Square struct {
	// Sizes holds one Variant per requested side.
	Sizes map[int]Variant
}

// ProcessSquare reads an upload under the same checks as Process (sniffed,
// bounded, EXIF-oriented, re-encoded) and returns its centred square at
// each side in sides. A source smaller than a side is not enlarged: that
// rendition is the square at the source's own size. An animated GIF gives
// its first frame.
func (p *Processor) ProcessSquare(ctx context.Context, r io.Reader, sides ...int) (out *Square, err error) {
	up, err := readUpload(ctx, r, p.limits)
	if err != nil {
		return nil, err
	}
	err = p.inSlot(ctx, "square", func() (err error) {
		out, err = squares(ctx, up, sides)
		return err
	})
	return out, err
}

// squares decodes the upload and renders each side, largest first, each
// from the one before (as thumbnails are): only the first resize reads
// the whole picture.
func squares(ctx context.Context, up *upload, sides []int) (*Square, error) {
	d, err := decode(up)
	if err != nil {
		return nil, err
	}
	up.data = nil // the decoded pixels replace it
	sides = slices.Clone(sides)
	slices.SortFunc(sides, func(a, b int) int { return b - a })
	out := &Square{Sizes: make(map[int]Variant, len(sides))}
	pix := centreSquare(d.img)
	for _, side := range sides {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("media: square: %w", err)
		}
		pix = shrinkSquare(pix, side)
		data, ct, err := encodeStill(pix, d.opaque, squareJPEGQuality)
		if err != nil {
			return nil, fmt.Errorf("media: square %d: %w", side, err)
		}
		b := pix.Bounds()
		out.Sizes[side] = Variant{Width: b.Dx(), Height: b.Dy(), ContentType: ct, Bytes: data}
	}
	return out, nil
}

// centreSquare returns the largest square centred in img.
func centreSquare(img image.Image) image.Image {
	b := img.Bounds()
	side := min(b.Dx(), b.Dy())
	return imaging.CropCenter(img, side, side)
}

// shrinkSquare scales a square to side×side, or returns it unchanged
// when it is not larger: avatars are never enlarged.
func shrinkSquare(sq image.Image, side int) image.Image {
	if sq.Bounds().Dx() <= side {
		return sq
	}
	large, _ := thumbnailFilters()
	return imaging.Resize(sq, side, side, large)
}
