package safehttp

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
)

// AllowPrivateEnv names the setting operators use to allow private addresses
// (see ParsePrefixes). Error messages mention it so that a refused fetch on a
// development or intranet setup tells the operator how to permit it.
const AllowPrivateEnv = "CORKBOARD_ALLOW_PRIVATE_ADDRESSES"

var (
	// ErrForbiddenAddress is matched (errors.Is) by every refusal to connect
	// to a private, loopback or otherwise non-public address. The concrete
	// error is an *AddressError naming the address.
	ErrForbiddenAddress = errors.New("forbidden address")

	// ErrTooLarge means the response body is larger than
	// Config.MaxResponseBytes.
	ErrTooLarge = errors.New("response body too large")

	// ErrTooManyRedirects means the redirect chain is longer than
	// Config.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")

	// ErrUnsupportedURL means a URL (requested or redirected to) is not an
	// absolute http or https URL without userinfo.
	ErrUnsupportedURL = errors.New("unsupported URL")
)

// AddressError reports a connection refused because of its destination.
type AddressError struct {
	Addr   netip.Addr // the address the dialer was about to connect to
	Reason string     // why it is refused, e.g. "loopback address"
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("refusing to connect to %s: %s (allow it with %s)", e.Addr, e.Reason, AllowPrivateEnv)
}

// Is makes errors.Is(err, ErrForbiddenAddress) true for any *AddressError.
func (e *AddressError) Is(target error) bool { return target == ErrForbiddenAddress }

// StatusError is an answer whose status the caller could not use. Callers
// that word failures for people keep it in the chain, so that a caller
// that retries can tell a server that is down or busy from one that
// refuses.
type StatusError struct{ Code int }

func (e *StatusError) Error() string { return fmt.Sprintf("HTTP status %d", e.Code) }

// Temporary reports whether the same request may succeed later: 408, 429
// and 5xx.
func (e *StatusError) Temporary() bool {
	return e.Code == http.StatusRequestTimeout || e.Code == http.StatusTooManyRequests || e.Code >= 500
}
