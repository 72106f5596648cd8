package activitypub

import (
	"context"
	"errors"
	"sync/atomic"
)

// maxFetchesPerActivity bounds the remote fetches one received activity
// can cause (its actor, its object, the object's author, a key...). An
// activity that names a chain of objects on slow servers would otherwise
// keep a worker busy, and a hostile one could make us fetch on its behalf.
const maxFetchesPerActivity = 5

// errFetchBudget means an activity used up its fetches.
var errFetchBudget = errors.New("too many remote fetches for one activity")

type budgetKey struct{}

// fetchBudget counts the fetches left while processing one activity.
type fetchBudget struct{ left atomic.Int32 }

// withFetchBudget returns a context allowing n remote fetches.
func withFetchBudget(ctx context.Context, n int) context.Context {
	b := &fetchBudget{}
	b.left.Store(int32(n))
	return context.WithValue(ctx, budgetKey{}, b)
}

// spendFetch takes one fetch from the context's budget. Without a budget
// (a person resolving a handle) fetches are not counted.
func spendFetch(ctx context.Context) error {
	b, _ := ctx.Value(budgetKey{}).(*fetchBudget)
	if b != nil && b.left.Add(-1) < 0 {
		return permanent(errFetchBudget)
	}
	return nil
}
