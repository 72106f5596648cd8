package activitypub

import (
	"context"
	"fmt"

	"github.com/corkboard/corkboard"
)

// errActorSuspended marks an activity refused because an admin suspended
// its actor here.
var errActorSuspended = corkboard.Errorf(corkboard.EFORBIDDEN, "this account is suspended here")

// checkActorSuspended refuses, for good, the activities of a remote actor
// an admin suspended (accounts.disabled on its row). An actor we do not
// know yet cannot be suspended, so nothing is fetched here.
func (f *Federation) checkActorSuspended(ctx context.Context, actorIRI string) error {
	a, err := f.Store.AccountByIRI(ctx, actorIRI)
	switch {
	case corkboard.ErrorCode(err) == corkboard.ENOTFOUND:
		return nil
	case err != nil:
		return fmt.Errorf("check actor %s: %w", actorIRI, err)
	case !a.IsLocal() && a.Disabled:
		return permanent(fmt.Errorf("%s: %w", actorIRI, errActorSuspended))
	}
	return nil
}
