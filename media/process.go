package media

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// Processed is an upload made safe to store and serve.
type Processed struct {
	// ContentType is that of Original: image/jpeg, image/png or image/gif.
	ContentType string
	// Width and Height are the upright original's, after EXIF orientation.
	Width, Height int
	// Original is the picture re-encoded, without any metadata.
	Original []byte
	// Animated is true for a GIF of more than one frame; its thumbnails
	// are of the first frame.
	Animated bool
	// Thumbnails holds one Variant per width in ThumbnailWidths.
	Thumbnails map[int]Variant
	// Blurhash is a 4×3-component blurhash, 28 characters.
	Blurhash string
	// DominantColor is the mean colour, "#rrggbb".
	DominantColor string
}

// Processor runs image jobs, at most one per CPU at a time. Decoding and
// resizing are CPU-bound and the largest accepted image needs hundreds of
// megabytes while it is processed, so running more jobs than CPUs would
// only add memory and make each one slower. A server keeps one Processor
// and shares it between requests; it is safe for concurrent use.
type Processor struct {
	limits Limits
	sem    chan struct{}
}

// NewProcessor returns a Processor enforcing limits (zero fields take the
// defaults) and running runtime.NumCPU() jobs at once.
func NewProcessor(limits Limits) *Processor {
	return &Processor{
		limits: limits.withDefaults(),
		sem:    make(chan struct{}, runtime.NumCPU()),
	}
}

// Limits returns the limits in force, defaults filled in.
func (p *Processor) Limits() Limits { return p.limits }

// Process is a one-off NewProcessor(limits).Process(ctx, r), for tools and
// tests. A server should share one Processor so that its bound holds.
func Process(ctx context.Context, r io.Reader, limits Limits) (*Processed, error) {
	return NewProcessor(limits).Process(ctx, r)
}

// Process reads an upload from r and returns it re-encoded, with its
// thumbnails and summaries. A refusal because of what was uploaded is a
// *RejectError; any other error is the server's (or the context's).
//
// Reading the upload and the header checks happen before a job slot is
// taken: a slow client must not hold a CPU slot while it trickles bytes,
// and refusing a bad file should not wait behind good ones. The cost is
// that uploads waiting for a slot each hold up to MaxBytes of raw bytes;
// the HTTP layer's rate limits bound how many there are.
func (p *Processor) Process(ctx context.Context, r io.Reader) (out *Processed, err error) {
	up, err := readUpload(ctx, r, p.limits)
	if err != nil {
		return nil, err
	}
	err = p.inSlot(ctx, "process", func() (err error) {
		out, err = process(ctx, up)
		return err
	})
	return out, err
}

// inSlot runs fn once a job slot is free. Decoder panics are refusals
// already (see decode); one that gets here is a bug in resizing or
// encoding, and must not kill the server. (A panic in imaging's own
// worker goroutines is out of any recover's reach; the header checks
// exist so that its inputs are sane.)
func (p *Processor) inSlot(ctx context.Context, op string, fn func() error) (err error) {
	select {
	case p.sem <- struct{}{}:
		defer func() { <-p.sem }()
	case <-ctx.Done():
		return fmt.Errorf("media: %s: waiting for a job slot: %w", op, ctx.Err())
	}
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("media: %s: panic: %v\n%s", op, rec, debug.Stack())
		}
	}()
	return fn()
}

// process does the CPU-heavy part, checking the context between stages so
// that a cancelled request stops costing CPU at the next one.
func process(ctx context.Context, up *upload) (*Processed, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("media: process: %w", err)
	}
	d, err := decode(up)
	if err != nil {
		return nil, err
	}
	f := up.format
	up.data = nil // the decoded pixels replace it; let the GC have it
	original, contentType, err := encodeOriginal(f, d)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("media: process: %w", err)
	}
	thumbs, small, err := makeThumbnails(ctx, d.img, d.opaque)
	if err != nil {
		return nil, err
	}
	hash, dominant, err := summarise(small)
	if err != nil {
		return nil, err
	}
	b := d.img.Bounds()
	return &Processed{
		ContentType:   contentType,
		Width:         b.Dx(),
		Height:        b.Dy(),
		Original:      original,
		Animated:      d.anim != nil && len(d.anim.Image) > 1,
		Thumbnails:    thumbs,
		Blurhash:      hash,
		DominantColor: dominant,
	}, nil
}
