package media

import (
	"bytes"
	"encoding/binary"
	"image"

	"github.com/disintegration/imaging"
)

// exifOrientation returns the EXIF Orientation tag (1–8) of a JPEG, or 0
// when there is none or it cannot be read; a broken EXIF block must not
// refuse a photo that otherwise decodes.
//
// imaging.Decode(AutoOrientation) has its own reader, but it gives up at
// the first APP1 segment, and editors often write XMP (also APP1) before
// EXIF; it also streams through a pipe and a goroutine. The upload is in
// memory already, so walking its segments here is simpler and complete.
func exifOrientation(jpg []byte) int {
	if len(jpg) < 4 || jpg[0] != 0xFF || jpg[1] != 0xD8 {
		return 0
	}
	for off := 2; off+4 <= len(jpg); {
		if jpg[off] != 0xFF {
			return 0 // not at a marker: the structure is broken
		}
		marker := jpg[off+1]
		switch {
		case marker == 0xFF: // fill byte before a marker
			off++
			continue
		case marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7):
			off += 2 // markers without a length
			continue
		case marker == 0xDA || marker == 0xD9:
			return 0 // start of scan or end: metadata comes before these
		}
		n := int(binary.BigEndian.Uint16(jpg[off+2:]))
		end := off + 2 + n
		if n < 2 || end > len(jpg) {
			return 0
		}
		payload := jpg[off+4 : end]
		if marker == 0xE1 && bytes.HasPrefix(payload, []byte("Exif\x00\x00")) {
			return tiffOrientation(payload[6:])
		}
		off = end
	}
	return 0
}

// tiffOrientation reads tag 0x0112 from IFD0 of the TIFF structure that
// EXIF wraps. Every offset is checked against the slice: this is attacker
// input.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(t[2:]) != 42 {
		return 0
	}
	ifd := int64(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 0
	}
	count := int64(bo.Uint16(t[ifd:]))
	for i := int64(0); i < count; i++ {
		e := ifd + 2 + 12*i
		if e+12 > int64(len(t)) {
			return 0
		}
		const tagOrientation, typeShort = 0x0112, 3
		if bo.Uint16(t[e:]) == tagOrientation && bo.Uint16(t[e+2:]) == typeShort {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}

// applyOrientation turns img upright. The values are the EXIF ones: how
// the stored pixels must be transformed for display. imaging rotates
// counter-clockwise, so "rotate 90° clockwise" (6) is Rotate270.
func applyOrientation(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}
