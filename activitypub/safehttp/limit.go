package safehttp

import (
	"fmt"
	"io"
)

// limitedBody passes through at most limit bytes of a response body and
// fails with ErrTooLarge as soon as the body proves longer. Unlike
// io.LimitReader, which ends silently at the limit, it lets callers tell a
// complete body from a truncated one, so a cut-off image or JSON document is
// never mistaken for the real thing.
type limitedBody struct {
	body      io.ReadCloser
	limit     int64
	remaining int64 // bytes still allowed; -1 once the limit was exceeded
}

func newLimitedBody(body io.ReadCloser, limit int64) *limitedBody {
	return &limitedBody{body: body, limit: limit, remaining: limit}
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.remaining < 0 {
		return 0, b.tooLarge()
	}
	// Read one byte past the limit: that is how we learn the body is too
	// large rather than exactly at the limit.
	if int64(len(p)) > b.remaining+1 {
		p = p[:b.remaining+1]
	}
	n, err := b.body.Read(p)
	if int64(n) > b.remaining {
		n = int(b.remaining)
		b.remaining = -1
		return n, b.tooLarge()
	}
	b.remaining -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.body.Close() }

func (b *limitedBody) tooLarge() error {
	return fmt.Errorf("safehttp: %w (limit %d bytes)", ErrTooLarge, b.limit)
}
