package media

import (
	"encoding/binary"
	"image/color"
)

// Go has no WebP encoder, so tests write the simplest valid WebP: a
// lossless (VP8L) bitstream of one solid colour. With every prefix code a
// "simple code" of a single symbol, each pixel takes zero bits, so the
// whole image is a header and five tiny code descriptions, any size.

// bitWriter writes bits least-significant first, as VP8L reads them.
type bitWriter struct {
	buf  []byte
	nbit uint
}

func (w *bitWriter) write(v uint32, n uint) {
	for i := uint(0); i < n; i++ {
		if w.nbit%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf[len(w.buf)-1] |= byte(v>>i&1) << (w.nbit % 8)
		w.nbit++
	}
}

// singleSymbolCode describes a prefix code whose only symbol is sym.
func (w *bitWriter) singleSymbolCode(sym uint8) {
	w.write(1, 1) // simple code
	w.write(0, 1) // one symbol
	w.write(1, 1) // the symbol takes 8 bits
	w.write(uint32(sym), 8)
}

// solidWebP returns a w×h lossless WebP filled with c. alpha sets the
// header's "alpha is used" hint, as an encoder would when c.A < 255.
func solidWebP(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.write(0x2f, 8) // VP8L signature
	bw.write(uint32(w-1), 14)
	bw.write(uint32(h-1), 14)
	if c.A < 255 {
		bw.write(1, 1)
	} else {
		bw.write(0, 1)
	}
	bw.write(0, 3) // version
	bw.write(0, 1) // no transform
	bw.write(0, 1) // no colour cache
	bw.write(0, 1) // no meta prefix codes
	// Codes for green, red, blue, alpha, then distance (unused).
	for _, sym := range []uint8{c.G, c.R, c.B, c.A, 0} {
		bw.singleSymbolCode(sym)
	}
	return riffWebP("VP8L", bw.buf)
}

// riffWebP wraps one chunk in a RIFF WEBP container.
func riffWebP(fourCC string, chunk []byte) []byte {
	body := []byte("WEBP" + fourCC)
	body = binary.LittleEndian.AppendUint32(body, uint32(len(chunk)))
	body = append(body, chunk...)
	if len(chunk)%2 == 1 {
		body = append(body, 0) // chunks are padded to even length
	}
	out := []byte("RIFF")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(body)))
	return append(out, body...)
}

// animatedWebPHeader is the start of an animated WebP: a VP8X chunk with
// the animation flag. Only sniffing needs to see it.
func animatedWebPHeader() []byte {
	vp8x := make([]byte, 10)
	vp8x[0] = 0x02 // animation
	return riffWebP("VP8X", vp8x)
}
