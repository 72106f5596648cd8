package corkboard

import (
	"errors"
	"fmt"
)

// Error codes: the kinds of failure the domain reports. Adapters map them to
// their own vocabulary (HTTP status, exit code) in one place each.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	ECONFLICT     = "conflict"
	ERATELIMIT    = "rate_limited"
	ETOOLARGE     = "too_large"   // an upload over the size cap
	EUNSUPPORTED  = "unsupported" // a file type we do not accept
	EINTERNAL     = "internal"
)

// Error is a domain error whose Message is safe to show to the person who
// caused it. Internal causes are wrapped with fmt.Errorf and never shown.
type Error struct {
	Code    string
	Message string
	// OAuth is the RFC 6749 error name ("invalid_grant", ...) of errors from
	// the OAuth use cases, which OAuth clients expect verbatim; else empty.
	OAuth string
}

func (e *Error) Error() string { return fmt.Sprintf("corkboard: %s: %s", e.Code, e.Message) }

// Errorf returns a domain error with a user-facing message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first domain error in err's chain, or
// EINTERNAL for any other non-nil error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; internal errors get a
// generic message so that no detail leaks to clients.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
