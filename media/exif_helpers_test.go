package media

import (
	"bytes"
	"encoding/binary"
)

// A minimal EXIF writer for tests: enough TIFF to carry an Orientation tag
// and a GPS IFD, which is what phones write and what must not survive.

// byteOrder is what binary.BigEndian and LittleEndian both are.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// tiffEntry is one IFD entry. data is the value's bytes in the file's byte
// order; up to 4 bytes sit in the entry, longer values go after the IFDs.
type tiffEntry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

const (
	tiffByte     = 1
	tiffASCII    = 2
	tiffShort    = 3
	tiffLong     = 4
	tiffRational = 5
)

func shortEntry(bo byteOrder, tag, v uint16) tiffEntry {
	return tiffEntry{tag, tiffShort, 1, bo.AppendUint16(nil, v)}
}

func asciiEntry(tag uint16, s string) tiffEntry {
	return tiffEntry{tag, tiffASCII, uint32(len(s) + 1), append([]byte(s), 0)}
}

// gpsEntries is a GPS IFD placing the photo at 51°30′N, with secret in
// GPSMapDatum so a test can look for it byte for byte in the output.
func gpsEntries(bo byteOrder, secret string) []tiffEntry {
	var lat []byte
	for _, v := range []uint32{51, 1, 30, 1, 0, 1} {
		lat = bo.AppendUint32(lat, v)
	}
	return []tiffEntry{
		{0x0000, tiffByte, 4, []byte{2, 3, 0, 0}}, // GPSVersionID
		asciiEntry(0x0001, "N"),                   // GPSLatitudeRef
		{0x0002, tiffRational, 3, lat},            // GPSLatitude
		asciiEntry(0x0012, secret),                // GPSMapDatum
	}
}

// buildTIFF lays out a header, IFD0 (plus a GPSInfo pointer when gps is
// non-empty), the GPS IFD, then the out-of-line values.
func buildTIFF(bo byteOrder, ifd0, gps []tiffEntry) []byte {
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	n0 := len(ifd0)
	if len(gps) > 0 {
		n0++
	}
	gpsOff := 8 + ifdSize(n0)
	dataOff := gpsOff + ifdSize(len(gps))
	if len(gps) == 0 {
		dataOff = gpsOff
	}
	if len(gps) > 0 {
		ifd0 = append(append([]tiffEntry{}, ifd0...),
			tiffEntry{0x8825, tiffLong, 1, bo.AppendUint32(nil, uint32(gpsOff))})
	}
	var data []byte
	writeIFD := func(out []byte, entries []tiffEntry) []byte {
		out = bo.AppendUint16(out, uint16(len(entries)))
		for _, e := range entries {
			out = bo.AppendUint16(out, e.tag)
			out = bo.AppendUint16(out, e.typ)
			out = bo.AppendUint32(out, e.count)
			if len(e.data) <= 4 {
				out = append(out, append(e.data, make([]byte, 4-len(e.data))...)...)
				continue
			}
			out = bo.AppendUint32(out, uint32(dataOff+len(data)))
			data = append(data, e.data...)
			if len(data)%2 == 1 {
				data = append(data, 0) // values start on word boundaries
			}
		}
		return bo.AppendUint32(out, 0) // no next IFD
	}
	out := []byte("MM\x00\x2a")
	if bo == binary.LittleEndian {
		out = []byte("II\x2a\x00")
	}
	out = bo.AppendUint32(out, 8)
	out = writeIFD(out, ifd0)
	if len(gps) > 0 {
		out = writeIFD(out, gps)
	}
	return append(out, data...)
}

// jpegSegment builds a marker segment: 0xFF, marker, big-endian length
// (which counts itself), payload.
func jpegSegment(marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...)
}

func exifSegment(tiff []byte) []byte {
	return jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
}

func xmpSegment(text string) []byte {
	return jpegSegment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), text...))
}

// insertAfterSOI puts segments right after the JPEG's SOI marker, where
// cameras put APP segments.
func insertAfterSOI(jpg []byte, segs ...[]byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, jpg[2:]...)
}

// jpegMarkers lists the markers of a JPEG up to its first scan.
func jpegMarkers(jpg []byte) []byte {
	var ms []byte
	for off := 2; off+4 <= len(jpg) && jpg[off] == 0xFF; {
		m := jpg[off+1]
		ms = append(ms, m)
		if m == 0xDA {
			break
		}
		off += 2 + int(binary.BigEndian.Uint16(jpg[off+2:]))
	}
	return ms
}

// containsAny reports which of needles occur in hay.
func containsAny(hay []byte, needles ...string) []string {
	var found []string
	for _, n := range needles {
		if bytes.Contains(hay, []byte(n)) {
			found = append(found, n)
		}
	}
	return found
}
