package pagefetch

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/safehttp"
)

// fetchError turns a failed fetch into a domain error whose message is safe
// to show the person who gave the address. The cause stays in the chain
// (for logs and errors.Is) but not in the message: it can name internal
// addresses, resolvers and configuration.
func fetchError(rawURL string, err error) error {
	var domain *corkboard.Error
	switch {
	case errors.As(err, &domain):
		return err // already explained, e.g. by a wrapped body
	case errors.Is(err, safehttp.ErrForbiddenAddress):
		domain = corkboard.Errorf(corkboard.EFORBIDDEN, "that address is on a private network and cannot be fetched")
	case errors.Is(err, safehttp.ErrTooLarge):
		domain = corkboard.Errorf(corkboard.EINVALID, "the file is too large")
	case errors.Is(err, safehttp.ErrTooManyRedirects):
		domain = corkboard.Errorf(corkboard.EINVALID, "too many redirects")
	case errors.Is(err, safehttp.ErrUnsupportedURL):
		domain = corkboard.Errorf(corkboard.EINVALID, "only http and https addresses can be fetched")
	default:
		// Timeouts, DNS failures, refused connections, TLS errors, resets.
		domain = corkboard.Errorf(corkboard.EINVALID, "could not reach %s", failedHost(rawURL, err))
	}
	return fmt.Errorf("pagefetch: %w: %w", domain, err)
}

// failedHost names the host whose request failed: after a redirect that is
// not the host the person typed, and naming the typed one would mislead.
func failedHost(rawURL string, err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Hostname() != "" {
			return u.Hostname()
		}
	}
	if u, perr := url.Parse(rawURL); perr == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "that address"
}

// statusText renders a status for a message: "404 Not Found".
// statusError words an unusable answer for people (EINVALID) and keeps
// its status in the chain for callers that retry: a remote pin's image
// whose server answers 503 is worth fetching again later.
func statusError(format string, code int) error {
	return fmt.Errorf("%w: %w", corkboard.Errorf(corkboard.EINVALID, format, statusText(code)), &safehttp.StatusError{Code: code})
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}

// mappedBody reports read failures of a streamed body (the size cap, a
// timeout mid-transfer) as domain errors, like failures before the body.
type mappedBody struct {
	io.ReadCloser
	url string
}

func (b *mappedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = fetchError(b.url, err)
	}
	return n, err
}
