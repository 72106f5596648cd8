package media

import (
	"context"
	"errors"
	"image/color"
	"io"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name    string
		head    []byte
		want    format
		refused string // the name the refusal must use; "" when accepted
	}{
		{"JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), formatJPEG, ""},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), formatPNG, ""},
		{"GIF87a", []byte("GIF87a\x01\x00"), formatGIF, ""},
		{"GIF89a", []byte("GIF89a\x01\x00"), formatGIF, ""},
		{"still WebP", solidWebP(2, 2, color.NRGBA{1, 2, 3, 255}), formatWebP, ""},
		{"animated WebP", animatedWebPHeader(), 0, "animated WebP"},
		{"SVG", []byte("<svg/>"), 0, "SVG"},
		{"SVG after whitespace", []byte("\n\n  <svg/>"), 0, "SVG"},
		{"SVG with doctype", []byte(`<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"><svg/>`), 0, "SVG"},
		{"SVG named .png is still SVG", []byte("<svg><!-- image.png --></svg>"), 0, "SVG"},
		{"BMP", []byte("BM\x36\x00\x00\x00"), 0, "BMP"},
		{"TIFF little-endian", []byte("II*\x00\x08\x00"), 0, "TIFF"},
		{"TIFF big-endian", []byte("MM\x00*\x00\x08"), 0, "TIFF"},
		{"AVIF", []byte("\x00\x00\x00\x1cftypavif\x00\x00"), 0, "AVIF"},
		{"HEIC (mif1)", []byte("\x00\x00\x00\x1cftypmif1\x00\x00"), 0, "HEIC"},
		{"MP4", []byte("\x00\x00\x00\x1cftypisom\x00\x00"), 0, "a video or ISO media file"},
		{"JPEG XL", []byte("\xff\x0a\x00"), 0, "JPEG XL"},
		{"ICO", []byte("\x00\x00\x01\x00\x01\x00"), 0, "ICO"},
		{"PSD", []byte("8BPS\x00\x01"), 0, "Photoshop (PSD)"},
		{"plain text", []byte("hello"), 0, "a text, HTML or XML file"},
		{"XML that is not SVG", []byte(`<?xml version="1.0"?><rss/>`), 0, "a text, HTML or XML file"},
		{"JPEG SOI alone", []byte("\xff\xd8"), 0, "this file type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniff(tt.head)
			if tt.refused == "" {
				if err != nil || got != tt.want {
					t.Fatalf("sniff = %v, %v; want %v", got, err, tt.want)
				}
				return
			}
			var re *RejectError
			if !errors.As(err, &re) || re.Kind != KindUnsupportedType {
				t.Fatalf("sniff = %v, %v; want an unsupported-type refusal", got, err)
			}
			if want := "unsupported image type: " + tt.refused + " is not accepted"; !strings.HasPrefix(re.Message, want) {
				t.Errorf("Message = %q, want prefix %q", re.Message, want)
			}
		})
	}
}

// countingReader counts what is read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestRefusedTypeReadsOnlyHead: a refused type is refused on its first
// bytes, so a huge SVG (or a never-ending stream) costs no more than that.
func TestRefusedTypeReadsOnlyHead(t *testing.T) {
	endless := io.MultiReader(strings.NewReader("<svg>"), neverEnding('a'))
	cr := &countingReader{r: endless}
	_, err := Process(context.Background(), cr, Limits{})
	var re *RejectError
	if !errors.As(err, &re) || re.Kind != KindUnsupportedType {
		t.Fatalf("Process = %v, want an unsupported-type refusal", err)
	}
	if cr.n > sniffLen {
		t.Errorf("read %d bytes, want at most %d", cr.n, sniffLen)
	}
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}
