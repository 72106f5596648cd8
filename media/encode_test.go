package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"testing"
)

func TestOutputFormats(t *testing.T) {
	translucent := color.NRGBA{10, 20, 30, 128}
	transparentGIF := func() []byte {
		pal := color.Palette{color.NRGBA{}, red}
		f := image.NewPaletted(image.Rect(0, 0, 40, 30), pal) // all index 0: transparent
		var buf bytes.Buffer
		if err := gif.Encode(&buf, f, nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	tests := []struct {
		name         string
		in           []byte
		wantOriginal string
		wantThumb    string
		wantAnimated bool
	}{
		{"JPEG stays JPEG", encodeJPEG(t, noisy(300, 200, 1), 90), ContentTypeJPEG, ContentTypeJPEG, false},
		{"opaque PNG stays PNG, thumbnails JPEG", encodePNG(t, noisy(300, 200, 1)), ContentTypePNG, ContentTypeJPEG, false},
		{"PNG with alpha stays PNG, thumbnails PNG", encodePNG(t, solid(300, 200, translucent)), ContentTypePNG, ContentTypePNG, false},
		{"still GIF stays GIF", animatedGIF(t, 1, 300, 200), ContentTypeGIF, ContentTypeJPEG, false},
		{"animated GIF stays animated GIF", animatedGIF(t, 3, 300, 200), ContentTypeGIF, ContentTypeJPEG, true},
		{"transparent GIF has PNG thumbnails", transparentGIF, ContentTypeGIF, ContentTypePNG, false},
		{"opaque WebP becomes JPEG", solidWebP(300, 200, green), ContentTypeJPEG, ContentTypeJPEG, false},
		{"WebP with alpha becomes PNG", solidWebP(300, 200, translucent), ContentTypePNG, ContentTypePNG, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Process(context.Background(), bytes.NewReader(tt.in), Limits{})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if p.ContentType != tt.wantOriginal || p.Animated != tt.wantAnimated {
				t.Errorf("original %s animated=%v, want %s animated=%v", p.ContentType, p.Animated, tt.wantOriginal, tt.wantAnimated)
			}
			// The bytes must be what ContentType says: sniff them again.
			cfg, name, err := image.DecodeConfig(bytes.NewReader(p.Original))
			if err != nil || "image/"+name != p.ContentType || cfg.Width != p.Width || cfg.Height != p.Height {
				t.Errorf("original decodes as %s %dx%d (%v); Processed says %s %dx%d", name, cfg.Width, cfg.Height, err, p.ContentType, p.Width, p.Height)
			}
			for w, v := range p.Thumbnails {
				if v.ContentType != tt.wantThumb {
					t.Errorf("thumbnail %d is %s, want %s", w, v.ContentType, tt.wantThumb)
				}
			}
		})
	}
}

func TestAnimatedGIFKeepsFrames(t *testing.T) {
	in := animatedGIF(t, 4, 30, 20)
	p, err := Process(context.Background(), bytes.NewReader(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(p.Original))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 4 || g.LoopCount != 0 || g.Delay[3] != 5 {
		t.Errorf("got %d frames, loop %d, delay %v; want 4 frames looping forever at 5", len(g.Image), g.LoopCount, g.Delay)
	}
}

// TestPNGAndGIFMetadataStripped: text chunks (where editors write XMP and
// "Comment"), eXIf (EXIF in PNG, GPS included), iCCP, and GIF comments.
func TestPNGAndGIFMetadataStripped(t *testing.T) {
	const secret = "CORKBOARD-SECRET-51.5N"
	be := binary.BigEndian
	exif := buildTIFF(be, []tiffEntry{shortEntry(be, 0x0112, 6)}, gpsEntries(be, secret))
	tests := []struct {
		name string
		in   []byte
	}{
		{"PNG", insertAfterIHDR(encodePNG(t, noisy(50, 40, 4)),
			pngChunk("tEXt", []byte("Comment\x00"+secret)),
			pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>"+secret)),
			pngChunk("eXIf", exif),
			pngChunk("iCCP", []byte("ICC profile\x00\x00"+secret)))},
		{"GIF", gifWithComment(t, animatedGIF(t, 2, 50, 40), secret)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(tt.in, []byte(secret)) {
				t.Fatal("test input lacks the secret")
			}
			p, err := Process(context.Background(), bytes.NewReader(tt.in), Limits{})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if found := containsAny(p.Original, secret, "tEXt", "iTXt", "eXIf", "iCCP", "xmpmeta"); found != nil {
				t.Errorf("original still contains %q", found)
			}
		})
	}
}
