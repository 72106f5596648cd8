package media

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// decoded is an upload's pixels, upright.
type decoded struct {
	// img is the upright still image: the picture itself, or for a GIF
	// its first frame drawn on the logical screen. Thumbnails come from it.
	img image.Image
	// anim is the whole GIF (nil for other formats), kept so that the
	// stored original can stay animated.
	anim *gif.GIF
	// opaque is false when some pixel is not fully opaque; it decides
	// JPEG or PNG for outputs, since JPEG has no alpha.
	opaque bool
}

// decode decodes an upload whose header passed the limits. Each format's
// own decoder is called directly (the type was sniffed already), and a
// panic inside one, which Go's decoders have had on crafted input, is
// turned into a refusal instead of taking the server down.
func decode(up *upload) (d decoded, err error) {
	defer recoverCorrupt(up.format, &err)
	r := bytes.NewReader(up.data)
	switch up.format {
	case formatJPEG:
		d.img, err = jpeg.Decode(r)
		if err == nil {
			d.img = applyOrientation(d.img, exifOrientation(up.data))
		}
	case formatPNG:
		d.img, err = png.Decode(r)
	case formatWebP:
		d.img, err = webp.Decode(r)
	case formatGIF:
		d.anim, err = gif.DecodeAll(r)
		if err == nil && len(d.anim.Image) == 0 {
			err = fmt.Errorf("gif: no frames")
		}
		if err == nil {
			d.img = firstFrame(d.anim)
		}
	default:
		return d, fmt.Errorf("media: decode: no decoder for %v", up.format)
	}
	if err != nil {
		return decoded{}, corrupt(up.format, err)
	}
	d.opaque = isOpaque(d.img)
	return d, nil
}

// recoverCorrupt, deferred, turns a panic into a KindCorrupt refusal.
// Only decoding and header parsing use it: the input is what is broken
// there. A panic elsewhere is a bug and is reported as one by Process.
func recoverCorrupt(f format, err *error) {
	if p := recover(); p != nil {
		*err = corrupt(f, fmt.Errorf("decoder panic: %v", p))
	}
}

// firstFrame draws a GIF's first frame on a transparent canvas the size of
// the logical screen, since a frame may be smaller than the screen and
// offset within it. Browsers show the same thing before the animation
// starts, so it is the right picture for a still thumbnail.
func firstFrame(g *gif.GIF) image.Image {
	first := g.Image[0]
	w, h := g.Config.Width, g.Config.Height
	if w <= 0 || h <= 0 {
		w, h = first.Bounds().Max.X, first.Bounds().Max.Y
	}
	canvas := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(canvas, first.Bounds(), first, first.Bounds().Min, draw.Over)
	return canvas
}

// isOpaque asks the image itself: every image type in the standard library
// and x/image implements Opaque, and most answer in O(1) for formats that
// cannot carry alpha (YCbCr, Gray). An unknown type is assumed to have
// alpha, the safe side: PNG loses nothing.
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}
