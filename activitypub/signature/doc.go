// Package signature signs and verifies ActivityPub server-to-server requests
// with draft-cavage HTTP Signatures (draft-cavage-http-signatures-12), the
// scheme every fediverse server speaks: Mastodon, GoToSocial, Pleroma,
// Misskey, and Fedify when asked twice.
//
// A signature covers a "signing string" built from a list of request headers
// plus the pseudo-header "(request-target)" (method and path). Only what is
// listed is protected, so the verifier insists on a minimum list: a signature
// over "date" alone could be replayed against any path and with any body. The
// body is covered indirectly: the signed Digest header holds its SHA-256, and
// the verifier recomputes it from the bytes it actually received.
//
// RFC 9421 (HTTP Message Signatures, Signature-Input) is not implemented;
// such requests are refused with ErrUnsupportedScheme so that the caller
// answers 401 and Fedify retries with draft-cavage ("double knocking").
//
// Signing and verification use github.com/go-fed/httpsig. Its Signer and
// Verifier are not safe for concurrent use, so this package makes a fresh one
// per request (the cost is a few allocations next to an RSA operation) and
// holds no state of its own: Signer and Verifier are safe for concurrent use.
package signature
