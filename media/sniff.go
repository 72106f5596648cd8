package media

import (
	"bytes"
	"unicode/utf8"
)

// format is an accepted input type. It is decided from magic bytes only:
// file names and client-sent Content-Type headers are trivially forged.
type format int

const (
	formatJPEG format = iota + 1
	formatPNG
	formatGIF
	formatWebP
)

func (f format) String() string {
	switch f {
	case formatJPEG:
		return "JPEG"
	case formatPNG:
		return "PNG"
	case formatGIF:
		return "GIF"
	case formatWebP:
		return "WebP"
	}
	return "unknown"
}

// sniffLen is how much of the upload sniff needs. 512 bytes is what
// net/http's DetectContentType reads too, and it is enough to see past an
// XML prologue and a comment to an <svg> root element.
const sniffLen = 512

// sniff names the accepted format of head, the first bytes of an upload,
// or returns a *RejectError that says what the file is when that is known,
// so that "SVG is not accepted" is clearer than "unknown type".
func sniff(head []byte) (format, error) {
	switch {
	case len(head) == 0:
		return 0, reject(KindCorrupt, "the file is empty; %s", acceptedList)
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return formatJPEG, nil
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG, nil
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return formatGIF, nil
	case isWebP(head):
		// x/image/webp decodes still images only; an animation would
		// otherwise fail later as "corrupt", which would mislead.
		if webPAnimated(head) {
			return 0, unsupported("animated WebP")
		}
		return formatWebP, nil
	}
	return 0, unsupported(nameRefused(head))
}

func isWebP(b []byte) bool {
	return len(b) >= 12 && string(b[0:4]) == "RIFF" && string(b[8:12]) == "WEBP"
}

// webPAnimated reports the animation flag of an extended (VP8X) WebP. The
// VP8X chunk, when present, is always the first chunk, at offset 12; its
// flags byte follows the 8-byte chunk header.
func webPAnimated(b []byte) bool {
	const animationFlag = 0x02
	return len(b) > 20 && string(b[12:16]) == "VP8X" && b[20]&animationFlag != 0
}

// nameRefused gives a human name for a refused file, used in the message.
// SVG is refused because it is a document that can carry script, not a
// bitmap; the others are real images that browsers or Go cannot all
// decode, so they are named to tell the person their file was understood.
func nameRefused(head []byte) string {
	switch {
	case looksLikeSVG(head):
		return "SVG"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "PDF"
	case bytes.HasPrefix(head, []byte("BM")):
		return "BMP"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "TIFF"
	case bytes.HasPrefix(head, []byte("8BPS")):
		return "Photoshop (PSD)"
	case bytes.HasPrefix(head, []byte("\x00\x00\x01\x00")):
		return "ICO"
	case bytes.HasPrefix(head, []byte("\xff\x0a")),
		bytes.HasPrefix(head, []byte("\x00\x00\x00\x0cJXL \r\n\x87\n")):
		return "JPEG XL"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return isoBrandName(string(head[8:12]))
	case isText(head):
		return "a text, HTML or XML file"
	}
	return "this file type"
}

// isoBrandName names the ISO-BMFF brands people meet in practice: HEIC is
// what iPhones save by default, and AVIF is increasingly common.
func isoBrandName(brand string) string {
	switch brand {
	case "avif", "avis":
		return "AVIF"
	case "heic", "heix", "hevc", "hevx", "mif1", "msf1":
		return "HEIC"
	}
	return "a video or ISO media file"
}

// looksLikeSVG finds an <svg root element near the start, after an
// optional BOM, XML prologue, doctype or comments. Matching is
// case-insensitive because HTML parsers (and so browsers) accept <SVG.
func looksLikeSVG(head []byte) bool {
	t := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t = bytes.TrimLeft(t, " \t\r\n")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	return bytes.Contains(bytes.ToLower(t), []byte("<svg"))
}

// isText reports whether head is plausibly text: valid UTF-8 without
// control bytes other than whitespace. Good enough to word a refusal,
// never used to accept anything.
func isText(head []byte) bool {
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		// A rune cut off by the end of head is not evidence of binary;
		// FullRune is false only for such a valid-but-incomplete tail.
		if r == utf8.RuneError && size == 1 {
			return !utf8.FullRune(head)
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
		head = head[size:]
	}
	return true
}
