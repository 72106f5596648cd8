package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"strconv"
	"testing"
)

func TestExifOrientation(t *testing.T) {
	be, le := binary.BigEndian, binary.LittleEndian
	base := encodeJPEG(t, solid(8, 8, red), 90)
	tiff6 := buildTIFF(be, []tiffEntry{shortEntry(be, 0x0112, 6)}, gpsEntries(be, "x"))
	tests := []struct {
		name string
		in   []byte
		want int
	}{
		{"no EXIF", base, 0},
		{"big-endian, with GPS", insertAfterSOI(base, exifSegment(tiff6)), 6},
		{"little-endian", insertAfterSOI(base, exifSegment(
			buildTIFF(le, []tiffEntry{shortEntry(le, 0x0112, 3)}, nil))), 3},
		{"orientation after another tag", insertAfterSOI(base, exifSegment(buildTIFF(be,
			[]tiffEntry{asciiEntry(0x010F, "Camera maker"), shortEntry(be, 0x0112, 8)}, nil))), 8},
		{"XMP segment before EXIF", insertAfterSOI(base,
			xmpSegment("<x:xmpmeta/>"), exifSegment(tiff6)), 6},
		{"out-of-range value", insertAfterSOI(base, exifSegment(
			buildTIFF(be, []tiffEntry{shortEntry(be, 0x0112, 9)}, nil))), 0},
		{"IFD offset past the end", insertAfterSOI(base,
			exifSegment([]byte("MM\x00\x2a\x00\x00\xff\xff"))), 0},
		{"entry count past the end", insertAfterSOI(base,
			exifSegment([]byte("MM\x00\x2a\x00\x00\x00\x08\x00\x09"))), 0},
		{"bad byte order", insertAfterSOI(base,
			exifSegment([]byte("XX\x00\x2a\x00\x00\x00\x08\x00\x00"))), 0},
		{"segment length past the end", []byte("\xff\xd8\xff\xe1\xff\xffExif\x00\x00MM"), 0},
		{"garbage after SOI", []byte("\xff\xd8garbage garbage"), 0},
		{"not a JPEG", []byte("\x89PNG\r\n\x1a\n"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exifOrientation(tt.in); got != tt.want {
				t.Errorf("exifOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestJPEGOrientedAndStripped feeds a JPEG carrying everything a phone or
// editor writes (EXIF with GPS, XMP, an ICC profile, a comment) and checks
// that the output is upright and carries none of it.
func TestJPEGOrientedAndStripped(t *testing.T) {
	const secret = "CORKBOARD-SECRET-51.5N"
	be := binary.BigEndian
	// Stored pixels: 64×32, red top-left, green top-right, blue
	// bottom-left, white bottom-right.
	stored := encodeJPEG(t, quadrants(64, 32, red, green, blue, white), 95)
	tests := []struct {
		name         string
		orientation  uint16
		wantW, wantH int
		tl, tr       color.NRGBA // expected display corners
		bl, br       color.NRGBA
	}{
		{"1 normal", 1, 64, 32, red, green, blue, white},
		{"3 rotate 180", 3, 64, 32, white, blue, green, red},
		{"6 rotate 90 clockwise", 6, 32, 64, blue, red, white, green},
		{"8 rotate 90 anticlockwise", 8, 32, 64, green, white, red, blue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tiff := buildTIFF(be, []tiffEntry{
				shortEntry(be, 0x0112, tt.orientation),
				asciiEntry(0x0131, secret), // Software
			}, gpsEntries(be, secret))
			in := insertAfterSOI(stored,
				exifSegment(tiff),
				xmpSegment("<x:xmpmeta>"+secret+"</x:xmpmeta>"),
				jpegSegment(0xE2, []byte("ICC_PROFILE\x00\x01\x01"+secret)),
				jpegSegment(0xFE, []byte(secret)))

			p, err := Process(context.Background(), bytes.NewReader(in), Limits{})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if p.ContentType != ContentTypeJPEG || p.Width != tt.wantW || p.Height != tt.wantH {
				t.Fatalf("got %s %dx%d, want image/jpeg %dx%d", p.ContentType, p.Width, p.Height, tt.wantW, tt.wantH)
			}
			outputs := map[string][]byte{"original": p.Original}
			for w, v := range p.Thumbnails {
				outputs["thumbnail "+strconv.Itoa(w)] = v.Bytes
			}
			for name, out := range outputs {
				for _, m := range jpegMarkers(out) {
					if m >= 0xE0 && m <= 0xEF || m == 0xFE {
						t.Errorf("%s: has metadata segment 0xFF%02X", name, m)
					}
				}
				if found := containsAny(out, "Exif", secret, "ns.adobe.com", "ICC_PROFILE"); found != nil {
					t.Errorf("%s: still contains %q", name, found)
				}
			}
			img, err := jpeg.Decode(bytes.NewReader(p.Original))
			if err != nil {
				t.Fatal(err)
			}
			w, h := tt.wantW, tt.wantH
			assertColour(t, img, w/4, h/4, tt.tl, "top-left")
			assertColour(t, img, 3*w/4, h/4, tt.tr, "top-right")
			assertColour(t, img, w/4, 3*h/4, tt.bl, "bottom-left")
			assertColour(t, img, 3*w/4, 3*h/4, tt.br, "bottom-right")
		})
	}
}

// assertColour allows for JPEG's loss: each channel within 40 of want.
func assertColour(t *testing.T, img image.Image, x, y int, want color.NRGBA, where string) {
	t.Helper()
	got := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	near := func(a, b uint8) bool { return int(a)-int(b) < 40 && int(b)-int(a) < 40 }
	if !near(got.R, want.R) || !near(got.G, want.G) || !near(got.B, want.B) {
		t.Errorf("%s pixel (%d,%d) = %v, want about %v", where, x, y, got, want)
	}
}
