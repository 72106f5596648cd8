package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"
)

// Test images are generated, not checked in: each helper makes exactly the
// property a test needs, and the file reads as the specification of it.

var (
	red   = color.NRGBA{255, 0, 0, 255}
	green = color.NRGBA{0, 255, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
	white = color.NRGBA{255, 255, 255, 255}
)

func solid(w, h int, c color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

// quadrants makes a w×h image whose four quarters are tl, tr, bl and br,
// so that a rotation or flip can be told apart from every other one.
func quadrants(w, h int, tl, tr, bl, br color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for _, q := range []struct {
		r image.Rectangle
		c color.Color
	}{
		{image.Rect(0, 0, w/2, h/2), tl}, {image.Rect(w/2, 0, w, h/2), tr},
		{image.Rect(0, h/2, w/2, h), bl}, {image.Rect(w/2, h/2, w, h), br},
	} {
		draw.Draw(img, q.r, image.NewUniform(q.c), image.Point{}, draw.Src)
	}
	return img
}

// noisy makes a gradient with grain: it compresses like a photo, unlike a
// flat colour, which matters for realistic encode timings and sizes.
func noisy(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, seed))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := rng.IntN(24) - 12
			i := img.PixOffset(x, y)
			img.Pix[i+0] = clamp8(x*255/w + n)
			img.Pix[i+1] = clamp8(y*255/h + n)
			img.Pix[i+2] = clamp8((x+y)*255/(w+h) + n)
			img.Pix[i+3] = 255
		}
	}
	return img
}

func clamp8(v int) uint8 { return uint8(max(0, min(255, v))) }

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngClaiming returns a valid tiny PNG whose IHDR has been rewritten to
// claim w×h, with its CRC fixed, so only a size check can refuse it.
func pngClaiming(t testing.TB, w, h uint32) []byte {
	t.Helper()
	b := encodePNG(t, solid(1, 1, red))
	// 8-byte signature, then IHDR: length(4) "IHDR"(4) data(13) crc(4).
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// pngChunk builds one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	var c bytes.Buffer
	binary.Write(&c, binary.BigEndian, uint32(len(data)))
	c.WriteString(typ)
	c.Write(data)
	binary.Write(&c, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return c.Bytes()
}

// insertAfterIHDR puts extra chunks (metadata) right after IHDR.
func insertAfterIHDR(p []byte, chunks ...[]byte) []byte {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	out := append([]byte{}, p[:ihdrEnd]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[ihdrEnd:]...)
}

// animatedGIF encodes n frames of w×h cycling through three colours.
func animatedGIF(t testing.TB, n, w, h int) []byte {
	t.Helper()
	pal := color.Palette{red, green, blue}
	g := &gif.GIF{LoopCount: 0}
	for i := range n {
		f := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		for j := range f.Pix {
			f.Pix[j] = uint8(i % 3)
		}
		g.Image = append(g.Image, f)
		g.Delay = append(g.Delay, 5)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gifWithComment inserts a comment extension carrying text right after the
// global colour table of a GIF made by image/gif.
func gifWithComment(t testing.TB, g []byte, text string) []byte {
	t.Helper()
	flags := g[10]
	at := 13
	if flags&0x80 != 0 {
		at += 3 << ((flags & 7) + 1)
	}
	ext := append([]byte{0x21, 0xFE, byte(len(text))}, text...)
	ext = append(ext, 0)
	return append(append(append([]byte{}, g[:at]...), ext...), g[at:]...)
}
