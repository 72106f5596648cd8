package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"testing"
)

// Hostile and awkward images for the end-to-end upload tests, generated so
// that each shows exactly the property under test. The EXIF writer is a
// copy of media/exif_helpers_test.go's (test helpers cannot be imported).

// bombPNG is a valid 20000×20000 grey PNG: its zlib stream of zero rows
// is about 400 kB, but decoding it would take 400 MB. Only the header's
// pixel count can refuse it cheaply.
func bombPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var idat bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	row := make([]byte, 1+w) // filter byte 0, then w grey pixels
	for range h {
		if _, err := zw.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit greyscale, deflate, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = pngChunk(out, "IHDR", ihdr)
	out = pngChunk(out, "IDAT", idat.Bytes())
	return pngChunk(out, "IEND", nil)
}

func pngChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	body := append([]byte(typ), data...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
}

// manyFrameGIF is an animation of n tiny frames.
func manyFrameGIF(t testing.TB, n int) []byte {
	t.Helper()
	pal := color.Palette{color.Black, color.White}
	g := &gif.GIF{}
	for i := range n {
		f := image.NewPaletted(image.Rect(0, 0, 4, 4), pal)
		f.SetColorIndex(i%4, 0, 1)
		g.Image, g.Delay = append(g.Image, f), append(g.Delay, 2)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// quadrantJPEG is a w×h JPEG whose quarters are tl, tr, bl and br, so a
// rotation can be told from every other one.
func quadrantJPEG(t testing.TB, w, h int, tl, tr, bl, br color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for _, q := range []struct {
		r image.Rectangle
		c color.Color
	}{
		{image.Rect(0, 0, w/2, h/2), tl}, {image.Rect(w/2, 0, w, h/2), tr},
		{image.Rect(0, h/2, w/2, h), bl}, {image.Rect(w/2, h/2, w, h), br},
	} {
		draw.Draw(img, q.r, image.NewUniform(q.c), image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tiffEntry is one IFD entry; data is the value in big-endian order. Up
// to 4 bytes sit in the entry, longer values after the IFDs.
type tiffEntry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

func shortEntry(tag, v uint16) tiffEntry {
	return tiffEntry{tag, 3, 1, binary.BigEndian.AppendUint16(nil, v)}
}

func asciiEntry(tag uint16, s string) tiffEntry {
	return tiffEntry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

// gpsEntries places the photo at 51°30′N, with secret in GPSMapDatum so a
// test can look for it byte for byte.
func gpsEntries(secret string) []tiffEntry {
	var lat []byte
	for _, v := range []uint32{51, 1, 30, 1, 0, 1} {
		lat = binary.BigEndian.AppendUint32(lat, v)
	}
	return []tiffEntry{
		{0x0000, 1, 4, []byte{2, 3, 0, 0}}, // GPSVersionID
		asciiEntry(0x0001, "N"),            // GPSLatitudeRef
		{0x0002, 5, 3, lat},                // GPSLatitude
		asciiEntry(0x0012, secret),         // GPSMapDatum
	}
}
