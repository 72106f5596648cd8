package media

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// gifInfo is what scanGIF learns from a GIF's block structure.
type gifInfo struct {
	frames int
	area   int64 // sum of every frame's width×height
}

// scanGIF walks a GIF's blocks without decompressing any pixel data, to
// count frames and add up their areas. gif.DecodeAll allocates every frame
// at once, so a 1000-frame GIF would cost memory before its frame count
// could be checked; this walk costs no allocation and stops as soon as
// maxFrames is passed.
//
// The layout (GIF89a spec): a 6-byte signature, a 7-byte logical screen
// descriptor and an optional global colour table, then blocks introduced
// by 0x21 (extension), 0x2C (image descriptor) or 0x3B (trailer). Extension
// and image data are chains of sub-blocks, each a length byte then that
// many bytes, ended by a zero length.
func scanGIF(data []byte, maxFrames int) (gifInfo, error) {
	var info gifInfo
	s := gifScanner{b: data}
	s.skip(6) // signature, already sniffed
	screen := s.take(7)
	if screen == nil {
		return info, corrupt(formatGIF, errors.New("short logical screen descriptor"))
	}
	s.skipColourTable(screen[4])
	for s.err == nil {
		switch s.byte() {
		case 0x21: // extension: label, then sub-blocks
			s.skip(1)
			s.skipSubBlocks()
		case 0x2C: // image descriptor: left, top, width, height, flags
			desc := s.take(9)
			if desc == nil {
				break
			}
			info.frames++
			if info.frames > maxFrames {
				return info, tooManyFrames(maxFrames)
			}
			w := binary.LittleEndian.Uint16(desc[4:6])
			h := binary.LittleEndian.Uint16(desc[6:8])
			info.area += int64(w) * int64(h)
			s.skipColourTable(desc[8])
			s.skip(1) // LZW minimum code size
			s.skipSubBlocks()
		case 0x3B: // trailer
			if info.frames == 0 {
				return info, corrupt(formatGIF, errors.New("no image in GIF"))
			}
			return info, nil
		default:
			if s.err == nil {
				s.err = fmt.Errorf("unknown GIF block 0x%02x at offset %d", s.b[s.off-1], s.off-1)
			}
		}
	}
	// The decoder refuses a GIF without a trailer too, so refusing here
	// changes no outcome and saves decoding it.
	return info, corrupt(formatGIF, s.err)
}

// gifScanner is a cursor over the GIF bytes whose first failure sticks,
// so the walk above reads as the format does, without an error check on
// every step.
type gifScanner struct {
	b   []byte
	off int
	err error
}

func (s *gifScanner) fail() {
	if s.err == nil {
		s.err = fmt.Errorf("GIF truncated at offset %d", len(s.b))
	}
}

func (s *gifScanner) skip(n int) {
	if s.err != nil {
		return
	}
	if n > len(s.b)-s.off {
		s.off = len(s.b)
		s.fail()
		return
	}
	s.off += n
}

// take returns the next n bytes, or nil on a short read.
func (s *gifScanner) take(n int) []byte {
	start := s.off
	s.skip(n)
	if s.err != nil {
		return nil
	}
	return s.b[start:s.off]
}

func (s *gifScanner) byte() byte {
	if b := s.take(1); b != nil {
		return b[0]
	}
	return 0
}

// skipColourTable skips the colour table that flags (from a screen or
// image descriptor) announces: 3×2^(n+1) bytes when the top bit is set.
func (s *gifScanner) skipColourTable(flags byte) {
	if flags&0x80 != 0 {
		s.skip(3 << ((flags & 0x07) + 1))
	}
}

func (s *gifScanner) skipSubBlocks() {
	for s.err == nil {
		n := s.byte()
		if n == 0 {
			return
		}
		s.skip(int(n))
	}
}
