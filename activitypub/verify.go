package activitypub

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/corkboard/corkboard/activitypub/signature"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// inbound is the receiving side's state: parsed remote keys, the key
// refetch limiter, and the signature verifier.
type inbound struct {
	keys     *keyMemo
	refetch  *refetchLimiter
	verifier *signature.Verifier
}

// newInbound requires, on every signed request, (request-target) host
// date and (with a body) digest, and a Date within an hour of now
// (Mastodon's window): without the target a signature could be replayed
// on another path, without the digest with another body.
func newInbound(now func() time.Time) *inbound {
	return &inbound{keys: newKeyMemo(), refetch: newRefetchLimiter(),
		verifier: signature.NewVerifier(now, signature.VerifierOptions{MaxSkew: time.Hour})}
}

// keyFetchBudget bounds the fetches a signature check may cause: the key
// document and its owner, and a GoToSocial-style key stub.
const keyFetchBudget = 3

// verifySigned checks r's signature over body and returns who signed it.
// The key resolver refuses suspended domains before fetching anything.
func (f *Federation) verifySigned(r *http.Request, body []byte) (*signature.Result, error) {
	r = r.WithContext(withFetchBudget(r.Context(), keyFetchBudget))
	return f.inbound.verifier.Verify(r, body, keyResolver{f})
}

// verifyGET checks the signature of an authorized-fetch GET, signed over
// (request-target) host date, and returns the signer's actor IRI.
func (f *Federation) verifyGET(c echo.Context) (string, error) {
	r := c.Request()
	if strings.HasPrefix(r.URL.Path, apPrefix+"/") {
		// negotiate rewrote /pins/{id}; the signature covers the path
		// as sent.
		orig := *r
		u := *r.URL
		u.Path, u.RawPath = strings.TrimPrefix(u.Path, apPrefix), ""
		orig.URL = &u
		r = &orig
	}
	res, err := f.verifySigned(r, nil)
	if err != nil {
		f.Log.Debug("signed GET refused", "path", r.URL.Path, "error", err)
		return "", signatureRefusal(err)
	}
	return res.Owner, nil
}

// signatureRefusal is the HTTP answer to a failed signature check: 403 for
// a suspended domain, else 401, never more detail (that goes to the log).
// A 401 also makes Fedify retry an RFC 9421 request with draft-cavage.
func signatureRefusal(err error) error {
	if errors.Is(err, errSuspended) {
		return echo.NewHTTPError(http.StatusForbidden, "forbidden")
	}
	return echo.NewHTTPError(http.StatusUnauthorized, "a valid HTTP signature is required")
}

// forwardable reports whether an activity signed by someone other than
// its actor is taken in as a forward (resolve_object.go): a Create only,
// whose object processing fetches from its origin. Anything else a
// forwarder sends (a Delete, a Like, ...) would have to be believed on
// its word, and is refused.
func forwardable(env vocab.Envelope) bool { return env.Type == "Create" }
