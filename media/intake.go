package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// Limits bounds what one upload may cost. Zero fields take the defaults.
type Limits struct {
	// MaxBytes is the largest upload accepted, in bytes.
	MaxBytes int64
	// MaxPixels bounds width×height, checked on the header before any
	// pixel is decoded: it is what bounds decode memory (up to 8 bytes a
	// pixel for a 16-bit PNG). An animated GIF may have frames whose areas
	// add up to gifAreaFactor×MaxPixels, since a decoded GIF frame takes one
	// byte a pixel, not four.
	MaxPixels int64
	// MaxGIFFrames is the most frames an animated GIF may have.
	MaxGIFFrames int
}

// Defaults: 20 MB covers any phone photo; 50 megapixels covers every
// phone and most cameras; 300 frames is ten seconds at 30 fps.
const (
	DefaultMaxBytes     = 20 << 20
	DefaultMaxPixels    = 50_000_000
	DefaultMaxGIFFrames = 300

	gifAreaFactor = 4
)

// DefaultLimits returns the limits the product issue set.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:     DefaultMaxBytes,
		MaxPixels:    DefaultMaxPixels,
		MaxGIFFrames: DefaultMaxGIFFrames,
	}
}

// withDefaults fills zero or negative fields, so that a zero Limits is
// safe rather than "no limit at all".
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = d.MaxPixels
	}
	if l.MaxGIFFrames <= 0 {
		l.MaxGIFFrames = d.MaxGIFFrames
	}
	return l
}

// upload is an upload read into memory, sniffed and whose header passed
// the limits. Nothing has been decoded yet.
type upload struct {
	data   []byte
	format format
}

// readUpload does every check that is cheap, in order of cost, so that a
// refusal costs as little as possible: sniff the first bytes (an SVG is
// refused before the rest is read), read the rest through a LimitReader one
// byte past the limit (to tell "exactly the limit" from "over"), then read
// only the header for the pixel count and, for a GIF, walk its blocks.
func readUpload(ctx context.Context, r io.Reader, lim Limits) (*upload, error) {
	lr := io.LimitReader(ctxReader{ctx: ctx, r: r}, lim.MaxBytes+1)
	var buf bytes.Buffer
	if _, err := io.CopyN(&buf, lr, sniffLen); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("media: read upload: %w", err)
	}
	f, err := sniff(buf.Bytes())
	if err != nil {
		return nil, err
	}
	if _, err := buf.ReadFrom(lr); err != nil {
		return nil, fmt.Errorf("media: read upload: %w", err)
	}
	if int64(buf.Len()) > lim.MaxBytes {
		return nil, tooLarge(lim.MaxBytes)
	}
	up := &upload{data: buf.Bytes(), format: f}
	if err := checkHeader(up, lim); err != nil {
		return nil, err
	}
	return up, nil
}

// checkHeader reads the dimensions with the format's DecodeConfig, which
// parses headers only, and refuses before a single pixel buffer is
// allocated. Each format's own function is called rather than
// image.DecodeConfig so that no other registered decoder can be reached.
func checkHeader(up *upload, lim Limits) (err error) {
	defer recoverCorrupt(up.format, &err)
	var cfg image.Config
	r := bytes.NewReader(up.data)
	switch up.format {
	case formatJPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case formatPNG:
		cfg, err = png.DecodeConfig(r)
	case formatGIF:
		cfg, err = gif.DecodeConfig(r)
	case formatWebP:
		cfg, err = webp.DecodeConfig(r)
	}
	if err != nil {
		return corrupt(up.format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return corrupt(up.format, fmt.Errorf("dimensions %dx%d", cfg.Width, cfg.Height))
	}
	if int64(cfg.Width)*int64(cfg.Height) > lim.MaxPixels {
		return tooManyPixels(cfg.Width, cfg.Height, lim.MaxPixels)
	}
	if up.format == formatGIF {
		info, err := scanGIF(up.data, lim.MaxGIFFrames)
		if err != nil {
			return err
		}
		if maxArea := gifAreaFactor * lim.MaxPixels; info.area > maxArea {
			return tooManyGIFPixels(info.frames, info.area, maxArea)
		}
	}
	return nil
}

// ctxReader stops reading a slow upload once the request is cancelled;
// io.Reader has no other way to be told.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
