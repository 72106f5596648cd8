package media

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"sync"
	"testing"

	"github.com/buckket/go-blurhash"
)

type size struct{ w, h int }

func TestThumbnailSizes(t *testing.T) {
	tests := []struct {
		name       string
		src        size
		large      size
		small      size
		wantFormat string
	}{
		{"landscape photo", size{1600, 1200}, size{736, 552}, size{236, 177}, ContentTypeJPEG},
		{"portrait photo", size{900, 1600}, size{736, 1308}, size{236, 420}, ContentTypeJPEG},
		{"exactly 736 wide", size{736, 400}, size{736, 400}, size{236, 128}, ContentTypeJPEG},
		{"between the widths: large is not upscaled", size{500, 300}, size{500, 300}, size{236, 142}, ContentTypeJPEG},
		{"narrower than both: neither is upscaled", size{100, 80}, size{100, 80}, size{100, 80}, ContentTypeJPEG},
		{"single pixel", size{1, 1}, size{1, 1}, size{1, 1}, ContentTypeJPEG},
		{"very wide: height stays at least 1", size{4000, 10}, size{736, 2}, size{236, 1}, ContentTypeJPEG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := encodeJPEG(t, noisy(tt.src.w, tt.src.h, 7), 90)
			p, err := Process(context.Background(), bytes.NewReader(in), Limits{})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if p.Width != tt.src.w || p.Height != tt.src.h {
				t.Errorf("original %dx%d, want %dx%d", p.Width, p.Height, tt.src.w, tt.src.h)
			}
			if len(p.Thumbnails) != len(ThumbnailWidths()) {
				t.Errorf("got %d thumbnails, want %d", len(p.Thumbnails), len(ThumbnailWidths()))
			}
			for width, want := range map[int]size{ThumbLarge: tt.large, ThumbSmall: tt.small} {
				v, ok := p.Thumbnails[width]
				if !ok {
					t.Fatalf("no %d thumbnail", width)
				}
				if v.Width != want.w || v.Height != want.h || v.ContentType != tt.wantFormat {
					t.Errorf("%d: got %s %dx%d, want %s %dx%d", width, v.ContentType, v.Width, v.Height, tt.wantFormat, want.w, want.h)
				}
				cfg, _, err := image.DecodeConfig(bytes.NewReader(v.Bytes))
				if err != nil || cfg.Width != v.Width || cfg.Height != v.Height {
					t.Errorf("%d: bytes decode to %dx%d (%v), Variant says %dx%d", width, cfg.Width, cfg.Height, err, v.Width, v.Height)
				}
			}
		})
	}
}

func TestSummaries(t *testing.T) {
	halfTransparent := solid(300, 200, red)
	for y := range 200 {
		for x := range 150 {
			halfTransparent.SetNRGBA(x, y, color.NRGBA{0, 255, 0, 0}) // colour under zero alpha
		}
	}
	tests := []struct {
		name      string
		in        []byte
		wantColor string
		tolerance int // per channel, for lossy inputs
	}{
		{"solid red PNG", encodePNG(t, solid(400, 300, red)), "#ff0000", 0},
		{"solid red JPEG", encodeJPEG(t, solid(400, 300, red), 90), "#ff0000", 6},
		{"solid blue WebP", solidWebP(400, 300, blue), "#0000ff", 0},
		{"red with a transparent half", encodePNG(t, halfTransparent), "#ff0000", 0},
		{"fully transparent", encodePNG(t, solid(50, 50, color.NRGBA{})), "#ffffff", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Process(context.Background(), bytes.NewReader(tt.in), Limits{})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if !colorNear(p.DominantColor, tt.wantColor, tt.tolerance) {
				t.Errorf("DominantColor = %s, want %s ±%d", p.DominantColor, tt.wantColor, tt.tolerance)
			}
			if len(p.Blurhash) != 4+2*blurhashX*blurhashY {
				t.Errorf("Blurhash %q has length %d, want %d", p.Blurhash, len(p.Blurhash), 4+2*blurhashX*blurhashY)
			}
			x, y, err := blurhash.Components(p.Blurhash)
			if err != nil || x != blurhashX || y != blurhashY {
				t.Errorf("Components(%q) = %d, %d, %v; want 4, 3", p.Blurhash, x, y, err)
			}
			if _, err := blurhash.Decode(p.Blurhash, 32, 24, 1); err != nil {
				t.Errorf("Decode(%q): %v", p.Blurhash, err)
			}
		})
	}
}

func colorNear(got, want string, tol int) bool {
	var g, w [3]int
	if n, _ := fmt.Sscanf(got, "#%02x%02x%02x", &g[0], &g[1], &g[2]); n != 3 || len(got) != 7 {
		return false
	}
	fmt.Sscanf(want, "#%02x%02x%02x", &w[0], &w[1], &w[2])
	for i := range g {
		if d := g[i] - w[i]; d > tol || -d > tol {
			return false
		}
	}
	return true
}

// TestProcessorConcurrent shares one Processor between goroutines, as a
// server does; run with -race.
func TestProcessorConcurrent(t *testing.T) {
	p := NewProcessor(Limits{})
	in := encodeJPEG(t, noisy(800, 600, 9), 85)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := p.Process(context.Background(), bytes.NewReader(in))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
