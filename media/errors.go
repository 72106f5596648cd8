// Package media turns an untrusted upload into what Corkboard stores and
// serves: a re-encoded original with every metadata block removed, two
// thumbnails, a blurhash and a dominant colour. It also generates storage
// keys and keeps the files (Store, LocalStore).
//
// Everything about an upload is distrusted: the type comes from the bytes,
// never from the file name or the client's Content-Type; sizes are checked
// on the header before any pixel is decoded; the stored file name is
// generated here, never taken from input.
//
// The package imports nothing from the rest of Corkboard, so it can be
// tested and benchmarked alone; the HTTP layer maps a *RejectError to a
// status code (see Kind) and its Message to the person who uploaded.
package media

import "fmt"

// Kind says why an upload was refused. Each kind maps to one HTTP status in
// the HTTP layer; the mapping is noted on each constant.
type Kind string

const (
	// KindUnsupportedType: not a JPEG, PNG, GIF or still WebP (415).
	KindUnsupportedType Kind = "unsupported_type"
	// KindTooLarge: more than Limits.MaxBytes bytes (413).
	KindTooLarge Kind = "too_large"
	// KindTooManyPixels: width×height above Limits.MaxPixels, or a GIF
	// whose frames' areas add up past the budget Limits describes (422).
	KindTooManyPixels Kind = "too_many_pixels"
	// KindTooManyFrames: an animated GIF with more than
	// Limits.MaxGIFFrames frames (422).
	KindTooManyFrames Kind = "too_many_frames"
	// KindCorrupt: the bytes claim a supported type but do not decode,
	// or the file is empty (422).
	KindCorrupt Kind = "corrupt"
)

// RejectError reports an upload refused because of what the uploader sent,
// as opposed to a failure of the server. Message is written for the person
// who uploaded the file and is safe to show them; it never carries internal
// detail such as a decoder's error text. That detail, when there is one, is
// in Err, which Error includes for logs.
type RejectError struct {
	Kind    Kind
	Message string
	Err     error // underlying cause, for logs only; may be nil
}

func (e *RejectError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("media: upload rejected (%s): %s: %v", e.Kind, e.Message, e.Err)
	}
	return fmt.Sprintf("media: upload rejected (%s): %s", e.Kind, e.Message)
}

// Unwrap exposes the cause so errors.Is works on, for example,
// io.ErrUnexpectedEOF from a truncated file.
func (e *RejectError) Unwrap() error { return e.Err }

// reject builds a *RejectError; the format is for the user-facing message.
func reject(kind Kind, format string, args ...any) *RejectError {
	return &RejectError{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// acceptedList is appended to every type refusal so that the person knows
// what to upload instead, not only what went wrong.
const acceptedList = "upload a JPEG, PNG, GIF or WebP"

func unsupported(what string) *RejectError {
	return reject(KindUnsupportedType,
		"unsupported image type: %s is not accepted; %s", what, acceptedList)
}

func tooLarge(maxBytes int64) *RejectError {
	return reject(KindTooLarge,
		"file is too large: the limit is %s", humanBytes(maxBytes))
}

func tooManyPixels(w, h int, maxPixels int64) *RejectError {
	return reject(KindTooManyPixels,
		"image is too large: %d×%d pixels is more than the limit of %s",
		w, h, megapixels(maxPixels))
}

func tooManyGIFPixels(frames int, area, maxArea int64) *RejectError {
	return reject(KindTooManyPixels,
		"animation is too large: its %d frames add up to %s, more than the limit of %s",
		frames, megapixels(area), megapixels(maxArea))
}

func megapixels(n int64) string {
	return fmt.Sprintf("%.4g megapixels", float64(n)/1e6)
}

func tooManyFrames(maxFrames int) *RejectError {
	return reject(KindTooManyFrames,
		"animation has too many frames: the limit is %d", maxFrames)
}

// corrupt keeps the decoder's own error text out of Message: it is not
// useful to the uploader and may describe internals. It goes in Err.
func corrupt(f format, cause error) *RejectError {
	e := reject(KindCorrupt,
		"the file looks like a %s but could not be read; it may be damaged or truncated", f)
	e.Err = cause
	return e
}

// humanBytes renders a byte limit for a message ("20 MB"). Limits are set
// by operators in binary units (20 << 20), and people read those as "MB".
func humanBytes(n int64) string {
	const mb, kb = 1 << 20, 1 << 10
	switch {
	case n >= mb && n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		return fmt.Sprintf("%.1f MB", float64(n)/mb)
	case n >= kb:
		return fmt.Sprintf("%d kB", n/kb)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
