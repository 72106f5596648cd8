package signature

import "errors"

// Every error Verify returns wraps one of these (errors.Is); the message adds
// what exactly was wrong, for logs. All of them mean "not authenticated": the
// HTTP layer answers 401 and shows no detail.
var (
	// ErrNoSignature means the request carries no draft-cavage signature.
	ErrNoSignature = errors.New("request is not signed")

	// ErrUnsupportedScheme means the request is signed with RFC 9421 only.
	// Answer 401 (never 2xx): Fedify then retries with draft-cavage.
	ErrUnsupportedScheme = errors.New("unsupported signature scheme")

	// ErrMissingHeaders means the signature does not cover a header we
	// require, or covers one the request does not carry.
	ErrMissingHeaders = errors.New("missing signed header")

	// ErrDateSkew means the Date header is unparseable or too far from now.
	ErrDateSkew = errors.New("request date outside the accepted window")

	// ErrDigestMismatch means the Digest header is missing, unusable, or does
	// not match the body received.
	ErrDigestMismatch = errors.New("body digest mismatch")

	// ErrBadSignature means the signature is malformed, uses an algorithm we
	// refuse, or does not verify with the signer's key (even after a refetch).
	ErrBadSignature = errors.New("signature verification failed")

	// ErrKeyNotFound means the keyId could not be resolved to a usable key.
	// Resolvers may return it (or wrap it) themselves.
	ErrKeyNotFound = errors.New("signing key not found")
)
