package media

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/png"

	"github.com/disintegration/imaging"
)

// Content types of everything this package writes. WebP is read but never
// written: Go has no WebP encoder, so a WebP upload is stored as JPEG or
// PNG.
const (
	ContentTypeJPEG = "image/jpeg"
	ContentTypePNG  = "image/png"
	ContentTypeGIF  = "image/gif"
)

// JPEG qualities. 88 keeps a re-encoded photo visually identical to what
// was uploaded while usually coming out no larger than the phone's own
// file; thumbnails are looked at small and in grids, where 82 is
// indistinguishable and a third smaller.
const (
	originalJPEGQuality  = 88
	thumbnailJPEGQuality = 82
)

// encodeOriginal writes the upload again from its decoded pixels. That is
// how metadata is removed: the encoders write only what they need to
// describe the pixels, so EXIF (with GPS), XMP, IPTC, ICC profiles, PNG
// text chunks and GIF comments are never carried over, whatever their
// form, instead of being hunted down one by one in the original bytes.
//
// Types are kept where Go can write them (JPEG stays JPEG, PNG stays PNG,
// GIF stays GIF and animated); WebP becomes JPEG, or PNG when it has
// transparency, which JPEG cannot hold.
func encodeOriginal(f format, d decoded) ([]byte, string, error) {
	switch f {
	case formatGIF:
		return encodeGIF(d.anim)
	case formatJPEG:
		return encodeStill(d.img, true, originalJPEGQuality)
	case formatPNG:
		return encodeStill(d.img, false, 0)
	case formatWebP:
		return encodeStill(d.img, d.opaque, originalJPEGQuality)
	}
	return nil, "", fmt.Errorf("media: encode original: no encoder for %v", f)
}

// encodeStill writes img as JPEG at quality, or as PNG when asJPEG is false.
// imaging.Encode is used for JPEG because it hands an opaque NRGBA (what
// every imaging transform returns) to image/jpeg as RGBA, which has a fast
// path there, instead of the generic per-pixel one.
func encodeStill(img image.Image, asJPEG bool, quality int) ([]byte, string, error) {
	var buf bytes.Buffer
	if asJPEG {
		if err := imaging.Encode(&buf, img, imaging.JPEG, imaging.JPEGQuality(quality)); err != nil {
			return nil, "", fmt.Errorf("media: encode JPEG: %w", err)
		}
		return buf.Bytes(), ContentTypeJPEG, nil
	}
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, "", fmt.Errorf("media: encode PNG: %w", err)
	}
	return buf.Bytes(), ContentTypePNG, nil
}

// encodeGIF writes a decoded GIF back with every frame, delay, disposal
// and loop count. gif.DecodeAll keeps nothing else (comments, XMP and other
// application extensions are skipped when read), so this strips them.
func encodeGIF(g *gif.GIF) ([]byte, string, error) {
	if g == nil {
		return nil, "", fmt.Errorf("media: encode GIF: no frames decoded")
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		return nil, "", fmt.Errorf("media: encode GIF: %w", err)
	}
	return buf.Bytes(), ContentTypeGIF, nil
}
