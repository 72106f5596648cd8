package activitypub

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub/vocab"
	"github.com/labstack/echo/v4"
)

// maxInboxBytes caps an activity's body. Real activities are a few KB; a
// bigger body is refused before it is read.
const maxInboxBytes = 1 << 20

// acceptActivity is the inbox's request path: authenticate the delivery,
// then store it and queue its processing in one transaction. A
// redelivery (same activity id) changes nothing and is still a 202.
func (f *Federation) acceptActivity(w http.ResponseWriter, r *http.Request, recipients []int64) error {
	a, err := f.authenticate(w, r)
	if err != nil {
		return err
	}
	a.RecipientIDs = recipients
	if err := f.storeActivity(r.Context(), a); err != nil {
		f.Log.Error("storing a received activity failed", "activity", a.IRI, "error", err)
		return echo.NewHTTPError(http.StatusInternalServerError, "try again later")
	}
	return nil
}

// authenticate reads and checks a delivery without touching the
// database (but for a key not yet known): body within the cap, a
// well-formed envelope, no suspended domain, a valid signature, and a
// signer who is the activity's actor (or a forwarded Create, verify.go).
// Only the envelope is decoded here; the full decode waits for the
// processing job.
func (f *Federation) authenticate(w http.ResponseWriter, r *http.Request) (*corkboard.InboxActivity, error) {
	body, err := readBody(w, r)
	if err != nil {
		return nil, err
	}
	env, err := f.checkEnvelope(r.Context(), body)
	if err != nil {
		return nil, err
	}
	res, err := f.verifySigned(r, body)
	if err != nil {
		f.Log.Info("inbox refused a signature", "actor", env.Actor, "activity", env.ID, "error", err)
		return nil, signatureRefusal(err)
	}
	// The signature proves who sent the request, not who wrote the
	// activity: a server must not deliver activities of other actors,
	// but for a forwarded Create, whose object is then fetched from its
	// origin (forwardable, verify.go).
	if res.Owner != env.Actor && !forwardable(env) {
		f.Log.Info("inbox refused an activity signed by someone else", "actor", env.Actor, "signer", res.Owner)
		return nil, echo.NewHTTPError(http.StatusForbidden, "the signer is not the activity's actor")
	}
	return &corkboard.InboxActivity{IRI: env.ID, Type: env.Type, ActorIRI: env.Actor, SignerKeyID: res.KeyID,
		Raw: body, ReceivedAt: f.Now()}, nil
}

// readBody reads the body up to maxInboxBytes: 413 at once when the
// declared length is over, or as soon as the body proves longer.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > maxInboxBytes {
		return nil, echo.NewHTTPError(http.StatusRequestEntityTooLarge, "activity too large")
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength) + bytes.MinRead) // one allocation, no regrowth
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxInboxBytes))
	body := buf.Bytes()
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, echo.NewHTTPError(http.StatusRequestEntityTooLarge, "activity too large")
	}
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest, "could not read the body")
	}
	return body, nil
}

// checkEnvelope scans the activity's id, type and actor and applies the
// checks that need no key: the actor is remote and not suspended, and the
// activity's id lives on the actor's server (else anyone could take an id
// of someone else's and, ids being unique, make the real one a no-op).
func (f *Federation) checkEnvelope(ctx context.Context, body []byte) (vocab.Envelope, error) {
	// The scan checks the top level's structure only; the rest is
	// validated by the full decode in the processing job, which records
	// a malformed activity as refused. Validating here would cost a fifth
	// of the request (BenchmarkInboxVerifyAndParse) for what only a
	// signed, hence accountable, sender can send.
	env, err := vocab.ScanEnvelope(body)
	if err == nil {
		err = checkIRIs(env)
	}
	if err != nil {
		return env, echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("malformed activity: %v", err))
	}
	if f.isLocal(env.Actor) {
		return env, echo.NewHTTPError(http.StatusForbidden, "our own actors do not deliver to us")
	}
	if err := f.checkSuspended(ctx, env.Actor); err != nil {
		if errors.Is(err, errSuspended) {
			return env, echo.NewHTTPError(http.StatusForbidden, "forbidden")
		}
		return env, err
	}
	if !sameHost(env.ID, env.Actor) {
		return env, echo.NewHTTPError(http.StatusForbidden, "the activity's id is not on its actor's server")
	}
	return env, nil
}

// checkIRIs bounds what the inbox log stores.
func checkIRIs(env vocab.Envelope) error {
	for _, iri := range []string{env.ID, env.Actor} {
		u, err := url.Parse(iri)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(iri) > 2048 {
			return fmt.Errorf("%q is not an http(s) IRI", iri)
		}
	}
	if len(env.Type) > 64 {
		return errors.New("type too long")
	}
	return nil
}

// storeActivity stores a received activity and queues its processing in
// one transaction: a job exists only for a stored activity, and a stored
// activity always has its job.
func (f *Federation) storeActivity(ctx context.Context, a *corkboard.InboxActivity) error {
	return f.Store.InTx(ctx, func(tx corkboard.Store) error {
		created, err := tx.SaveInboxActivity(ctx, a)
		if err != nil || !created {
			return err
		}
		return tx.Enqueue(ctx, ProcessActivityArgs{ID: a.ID})
	})
}
