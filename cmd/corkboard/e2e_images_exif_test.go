package main

import "encoding/binary"

// buildTIFF lays out a big-endian TIFF header, IFD0 with a GPSInfo
// pointer, the GPS IFD, then the out-of-line values.
func buildTIFF(ifd0, gps []tiffEntry) []byte {
	be := binary.BigEndian
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	gpsOff := 8 + ifdSize(len(ifd0)+1)
	dataOff := gpsOff + ifdSize(len(gps))
	ifd0 = append(append([]tiffEntry{}, ifd0...), tiffEntry{0x8825, 4, 1, be.AppendUint32(nil, uint32(gpsOff))})
	var data []byte
	writeIFD := func(out []byte, entries []tiffEntry) []byte {
		out = be.AppendUint16(out, uint16(len(entries)))
		for _, e := range entries {
			out = be.AppendUint16(out, e.tag)
			out = be.AppendUint16(out, e.typ)
			out = be.AppendUint32(out, e.count)
			if len(e.data) <= 4 {
				out = append(out, append(e.data, make([]byte, 4-len(e.data))...)...)
				continue
			}
			out = be.AppendUint32(out, uint32(dataOff+len(data)))
			data = append(data, e.data...)
			if len(data)%2 == 1 {
				data = append(data, 0) // values start on word boundaries
			}
		}
		return be.AppendUint32(out, 0) // no next IFD
	}
	out := be.AppendUint32([]byte("MM\x00\x2a"), 8)
	out = writeIFD(out, ifd0)
	out = writeIFD(out, gps)
	return append(out, data...)
}

// jpegSegment builds a marker segment: 0xFF, marker, big-endian length
// (which counts itself), payload.
func jpegSegment(marker byte, payload []byte) []byte {
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, marker}, uint16(len(payload)+2))
	return append(seg, payload...)
}

func exifSegment(tiff []byte) []byte {
	return jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
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
