package media

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"testing"
)

// mixedGIF has frames of different sizes and offsets, each with its own
// palette, so that image/gif writes local colour tables the scan must skip.
func mixedGIF(t *testing.T) []byte {
	t.Helper()
	g := &gif.GIF{Config: image.Config{Width: 30, Height: 30}}
	for i, r := range []image.Rectangle{
		image.Rect(0, 0, 30, 30), image.Rect(5, 5, 15, 25), image.Rect(20, 0, 30, 3),
	} {
		pal := color.Palette{color.NRGBA{uint8(i * 80), 0, 0, 255}, color.NRGBA{0, uint8(i * 80), 0, 255}}
		g.Image = append(g.Image, image.NewPaletted(r, pal))
		g.Delay = append(g.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestScanGIF(t *testing.T) {
	anim := animatedGIF(t, 5, 20, 10)
	tests := []struct {
		name       string
		in         []byte
		maxFrames  int
		wantFrames int
		wantArea   int64
		wantKind   Kind // "" when the scan should succeed
	}{
		{"five frames", anim, 300, 5, 5 * 200, ""},
		{"exactly the frame limit", anim, 5, 5, 5 * 200, ""},
		{"one frame over stops at the limit", anim, 4, 5, 4 * 200, KindTooManyFrames},
		{"frame sizes and local palettes", mixedGIF(t), 300, 3, 900 + 200 + 30, ""},
		{"comment extension is skipped", gifWithComment(t, anim, "hello"), 300, 5, 5 * 200, ""},
		{"missing trailer", anim[:len(anim)-1], 300, 5, 5 * 200, KindCorrupt},
		{"cut inside a frame", anim[:len(anim)/2], 300, 0, 0, KindCorrupt},
		{"header only", anim[:13], 300, 0, 0, KindCorrupt},
		{"no frames", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00\x3b"), 300, 0, 0, KindCorrupt},
		{"unknown block", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00\x99"), 300, 0, 0, KindCorrupt},
		{"short screen descriptor", []byte("GIF89a\x01\x00"), 300, 0, 0, KindCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := scanGIF(tt.in, tt.maxFrames)
			if tt.wantKind == "" {
				if err != nil {
					t.Fatalf("scanGIF: %v", err)
				}
				if info.frames != tt.wantFrames || info.area != tt.wantArea {
					t.Errorf("scanGIF = %+v, want %d frames, area %d", info, tt.wantFrames, tt.wantArea)
				}
				return
			}
			var re *RejectError
			if !errors.As(err, &re) || re.Kind != tt.wantKind {
				t.Fatalf("scanGIF error = %v, want kind %q", err, tt.wantKind)
			}
			if tt.wantFrames > 0 && info.frames != tt.wantFrames {
				t.Errorf("stopped after %d frames, want %d", info.frames, tt.wantFrames)
			}
		})
	}
}
