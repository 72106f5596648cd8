package media

import (
	"bytes"
	"context"
	"image/jpeg"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/disintegration/imaging"
)

// peakSampler polls the live heap while a benchmark runs. runtime/metrics
// is read rather than runtime.ReadMemStats because it does not stop the
// world, so sampling every millisecond does not distort the timing.
type peakSampler struct {
	stop, done chan struct{}
	base, peak uint64
}

const heapObjects = "/memory/classes/heap/objects:bytes"

func heapNow() uint64 {
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func startPeakSampler() *peakSampler {
	runtime.GC()
	p := &peakSampler{stop: make(chan struct{}), done: make(chan struct{}), base: heapNow()}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				p.peak = max(p.peak, heapNow())
			}
		}
	}()
	return p
}

// peakMB stops sampling and returns the highest heap seen above the heap
// at the start: what the job itself needed, not what the benchmark holds.
func (p *peakSampler) peakMB() float64 {
	close(p.stop)
	<-p.done
	if p.peak < p.base {
		return 0
	}
	return float64(p.peak-p.base) / (1 << 20)
}

// BenchmarkThumbnails12MP processes a 4000×3000 photo-like JPEG end to end:
// decode, re-encode the original, both thumbnails, blurhash and colour.
func BenchmarkThumbnails12MP(b *testing.B) {
	src := encodeJPEG(b, noisy(4000, 3000, 42), 90)
	p := NewProcessor(Limits{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	sampler := startPeakSampler()
	for b.Loop() {
		if _, err := p.Process(context.Background(), bytes.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(sampler.peakMB(), "peak-heap-MB")
	b.ReportMetric(float64(len(src))/(1<<20), "input-MB")
}

// BenchmarkResizeFilters times the expensive step, 12 MP to 736 wide,
// with each candidate filter; thumbnailFilters explains the choice.
func BenchmarkResizeFilters(b *testing.B) {
	img, err := jpeg.Decode(bytes.NewReader(encodeJPEG(b, noisy(4000, 3000, 42), 90)))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []struct {
		name   string
		filter imaging.ResampleFilter
	}{
		{"Box", imaging.Box},
		{"Linear", imaging.Linear},
		{"CatmullRom", imaging.CatmullRom},
		{"Lanczos", imaging.Lanczos},
	} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				imaging.Resize(img, ThumbLarge, 0, f.filter)
			}
		})
	}
}
