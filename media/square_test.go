package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"testing"
)

// bands makes a w×h image cut in three equal bands, across the longer
// side: first, middle and last. A centred square crop shows only the
// middle band, whichever way the image is long.
func bands(w, h int, first, middle, last color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i, c := range []color.Color{first, middle, last} {
		r := image.Rect(i*w/3, 0, (i+1)*w/3, h)
		if h > w {
			r = image.Rect(0, i*h/3, w, (i+1)*h/3)
		}
		draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
	}
	return img
}

func TestProcessSquare(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     map[int]int // requested side -> side made
		wantType string
	}{
		{"wide jpeg", encodeJPEG(t, bands(1200, 400, red, green, blue), 95), map[int]int{400: 400, 96: 96}, ContentTypeJPEG},
		{"tall png", encodePNG(t, bands(300, 900, red, green, blue)), map[int]int{400: 300, 96: 96}, ContentTypeJPEG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewProcessor(Limits{}).ProcessSquare(context.Background(), bytes.NewReader(tt.in), AvatarLarge, AvatarSmall)
			if err != nil {
				t.Fatalf("ProcessSquare: %v", err)
			}
			for side, want := range tt.want {
				v, ok := got.Sizes[side]
				if !ok {
					t.Fatalf("no %d rendition", side)
				}
				if v.Width != want || v.Height != want || v.ContentType != tt.wantType {
					t.Errorf("%d: got %s %dx%d, want %s %dx%d", side, v.ContentType, v.Width, v.Height, tt.wantType, want, want)
				}
				img := decodeAny(t, v)
				for _, p := range []image.Point{{2, 2}, {want - 3, want - 3}, {want / 2, want / 2}} {
					if c := nrgbaAt(img, p); !near(c, green) {
						t.Errorf("%d: pixel %v is %v, want the middle band (green)", side, p, c)
					}
				}
			}
		})
	}
}

// TestProcessSquareOriented: the crop is of the upright picture. Stored
// 64×32 (red, green / blue, white), EXIF 6 shows it 32×64 with blue
// top-left and red top-right; the centred 32×32 square keeps that top
// row, where the unrotated crop would show red then green.
func TestProcessSquareOriented(t *testing.T) {
	be := binary.BigEndian
	stored := encodeJPEG(t, quadrants(64, 32, red, green, blue, white), 95)
	in := insertAfterSOI(stored, exifSegment(buildTIFF(be, []tiffEntry{shortEntry(be, 0x0112, 6)}, nil)))
	got, err := NewProcessor(Limits{}).ProcessSquare(context.Background(), bytes.NewReader(in), AvatarSmall)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Sizes[AvatarSmall]
	if v.Width != 32 || v.Height != 32 {
		t.Fatalf("got %dx%d, want 32x32", v.Width, v.Height)
	}
	if found := containsAny(v.Bytes, "Exif"); found != nil {
		t.Errorf("still contains %q", found)
	}
	img := decodeAny(t, v)
	if c := nrgbaAt(img, image.Point{3, 3}); !near(c, blue) {
		t.Errorf("top-left is %v, want blue", c)
	}
	if c := nrgbaAt(img, image.Point{28, 3}); !near(c, red) {
		t.Errorf("top-right is %v, want red", c)
	}
}

func TestProcessSquareRefusals(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		kind Kind
	}{
		{"too many pixels", pngClaiming(t, 20000, 20000), KindTooManyPixels},
		{"not an image", []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), KindUnsupportedType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewProcessor(Limits{}).ProcessSquare(context.Background(), bytes.NewReader(tt.in), AvatarSmall)
			rej, ok := err.(*RejectError)
			if !ok || rej.Kind != tt.kind {
				t.Fatalf("err = %v, want a %v refusal", err, tt.kind)
			}
		})
	}
}

func decodeAny(t testing.TB, v Variant) image.Image {
	t.Helper()
	var img image.Image
	var err error
	if v.ContentType == ContentTypePNG {
		img, err = png.Decode(bytes.NewReader(v.Bytes))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(v.Bytes))
	}
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func nrgbaAt(img image.Image, p image.Point) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(p.X, p.Y)).(color.NRGBA)
}

// near allows JPEG's loss.
func near(a, b color.NRGBA) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) < 40 && int(y)-int(x) < 40 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

// BenchmarkAvatar12MP makes both avatar sizes from a 4000×3000 photo-like
// JPEG: decode, crop and scale, encode. Compare BenchmarkThumbnails12MP.
func BenchmarkAvatar12MP(b *testing.B) {
	src := encodeJPEG(b, noisy(4000, 3000, 42), 90)
	p := NewProcessor(Limits{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.ProcessSquare(context.Background(), bytes.NewReader(src), AvatarLarge, AvatarSmall); err != nil {
			b.Fatal(err)
		}
	}
}
