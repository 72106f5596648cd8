package media

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestRefusals(t *testing.T) {
	photo := encodeJPEG(t, noisy(64, 48, 1), 90)
	bigPNG := encodePNG(t, noisy(100, 100, 2))
	gifAnim := animatedGIF(t, 10, 100, 100)
	badPNG := bytes.Clone(bigPNG)
	badPNG[len(badPNG)/2] ^= 0xFF // inside IDAT: the CRC no longer matches
	tests := []struct {
		name     string
		in       []byte
		limits   Limits
		wantKind Kind
		wantMsg  string
	}{
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
			Limits{}, KindUnsupportedType, "unsupported image type: SVG is not accepted; upload a JPEG, PNG, GIF or WebP"},
		{"SVG with BOM, prologue and comment", []byte("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- x -->\n<SVG></SVG>"),
			Limits{}, KindUnsupportedType, "SVG is not accepted"},
		{"HEIC", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 64)...),
			Limits{}, KindUnsupportedType, "HEIC is not accepted"},
		{"PDF", []byte("%PDF-1.7\n..."), Limits{}, KindUnsupportedType, "PDF is not accepted"},
		{"HTML", []byte("<!doctype html><p>hi"), Limits{}, KindUnsupportedType, "a text, HTML or XML file"},
		{"unknown binary", []byte{0, 1, 2, 3, 4, 5}, Limits{}, KindUnsupportedType, "this file type is not accepted"},
		{"animated WebP", animatedWebPHeader(), Limits{}, KindUnsupportedType, "animated WebP is not accepted"},
		{"empty", nil, Limits{}, KindCorrupt, "the file is empty"},
		{"over MaxBytes", bigPNG, Limits{MaxBytes: 1000}, KindTooLarge, "file is too large: the limit is 1000 bytes"},
		{"20000x20000 PNG header", pngClaiming(t, 20000, 20000), Limits{}, KindTooManyPixels,
			"20000×20000 pixels is more than the limit of 50 megapixels"},
		{"1000-frame GIF", animatedGIF(t, 1000, 1, 1), Limits{}, KindTooManyFrames, "the limit is 300"},
		{"GIF frames add up past the area budget", gifAnim, Limits{MaxPixels: 20_000}, KindTooManyPixels,
			"its 10 frames add up to 0.1 megapixels"},
		{"corrupt JPEG: garbage after SOI", append([]byte("\xff\xd8\xff"), bytes.Repeat([]byte("garbage"), 50)...),
			Limits{}, KindCorrupt, "looks like a JPEG but could not be read"},
		{"truncated JPEG", photo[:len(photo)/2], Limits{}, KindCorrupt, "looks like a JPEG"},
		{"PNG with a bad CRC", badPNG, Limits{}, KindCorrupt, "looks like a PNG"},
		{"truncated GIF", gifAnim[:len(gifAnim)/2], Limits{}, KindCorrupt, "looks like a GIF"},
		{"WebP with a broken bitstream", riffWebP("VP8L", []byte{0x2f, 1, 2}), Limits{}, KindCorrupt, "looks like a WebP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Process(context.Background(), bytes.NewReader(tt.in), tt.limits)
			var re *RejectError
			if !errors.As(err, &re) {
				t.Fatalf("Process = %v, %v; want a *RejectError", p, err)
			}
			if re.Kind != tt.wantKind {
				t.Errorf("Kind = %q, want %q (%v)", re.Kind, tt.wantKind, err)
			}
			if !strings.Contains(re.Message, tt.wantMsg) {
				t.Errorf("Message = %q, want it to contain %q", re.Message, tt.wantMsg)
			}
			// The decoder's words belong in logs, not in front of users.
			for _, internal := range []string{"jpeg:", "png:", "gif:", "webp:", "vp8", "panic"} {
				if strings.Contains(strings.ToLower(re.Message), internal) {
					t.Errorf("Message %q leaks decoder detail %q", re.Message, internal)
				}
			}
		})
	}
}

func TestMaxBytesBoundary(t *testing.T) {
	in := encodePNG(t, noisy(40, 40, 3))
	n := int64(len(in))
	tests := []struct {
		name     string
		maxBytes int64
		wantErr  bool
	}{
		{"exactly the limit", n, false},
		{"one byte over", n - 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Process(context.Background(), bytes.NewReader(in), Limits{MaxBytes: tt.maxBytes})
			var re *RejectError
			if got := errors.As(err, &re) && re.Kind == KindTooLarge; got != tt.wantErr {
				t.Errorf("refused as too large = %v, want %v (err %v)", got, tt.wantErr, err)
			}
		})
	}
}

// TestRefusalsUseLittleMemory is the point of checking before decoding:
// each of these would cost from 40 MB (the GIF's frames) to 1.6 GB (the
// PNG's pixels) if decoded. TotalAlloc counts every byte allocated during
// the call, including any freed again, so it bounds the peak from above.
func TestRefusalsUseLittleMemory(t *testing.T) {
	const budget = 20 << 20
	tests := []struct {
		name string
		in   []byte
	}{
		{"20000x20000 PNG", pngClaiming(t, 20000, 20000)},
		{"corrupt JPEG", append([]byte("\xff\xd8\xff\xe0"), bytes.Repeat([]byte{0xAB}, 1<<20)...)},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"/>`)},
		{"1000-frame GIF of 200x200", animatedGIF(t, 1000, 200, 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Process(context.Background(), bytes.NewReader(tt.in), Limits{})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			var re *RejectError
			if !errors.As(err, &re) {
				t.Fatalf("Process error = %v, want a refusal", err)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s: %d kB allocated for a %d kB input, %v", re.Kind, alloc>>10, len(tt.in)>>10, elapsed)
			if alloc > budget {
				t.Errorf("refusal allocated %d MB, budget %d MB", alloc>>20, budget>>20)
			}
		})
	}
}

func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Process(ctx, bytes.NewReader(encodePNG(t, solid(10, 10, red))), Limits{})
	var re *RejectError
	if !errors.Is(err, context.Canceled) || errors.As(err, &re) {
		t.Errorf("err = %v, want context.Canceled and no refusal", err)
	}
}

func TestRecoverCorrupt(t *testing.T) {
	err := func() (err error) {
		defer recoverCorrupt(formatPNG, &err)
		panic("index out of range")
	}()
	var re *RejectError
	if !errors.As(err, &re) || re.Kind != KindCorrupt || strings.Contains(re.Message, "index") {
		t.Errorf("err = %v, want a corrupt refusal that hides the panic from Message", err)
	}
}

func TestLimitsDefaults(t *testing.T) {
	got := NewProcessor(Limits{MaxPixels: 1000, MaxGIFFrames: -1}).Limits()
	want := Limits{MaxBytes: DefaultMaxBytes, MaxPixels: 1000, MaxGIFFrames: DefaultMaxGIFFrames}
	if got != want {
		t.Errorf("Limits = %+v, want %+v", got, want)
	}
}
